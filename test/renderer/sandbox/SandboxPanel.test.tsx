import type { SandboxChatMessage } from '@contract';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SandboxPanel } from '../../../src-renderer/features/sandbox/SandboxPanel';
import { makeChatMessage, SANDBOX_INFO } from '../support/bots';
import { createFakeClient, settle } from '../support/fakeClient';
import { renderWithStores } from '../support/render';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

/** A fake sandbox: chats by id; `say` adds the user's message (the bot's answer comes later, by hand). */
function sandboxServer() {
  const chats = new Map<number, SandboxChatMessage[]>([
    [
      42,
      [
        makeChatMessage(1, { text: '/start' }),
        makeChatMessage(2, { sender: 'bot', userId: null, userName: null, text: 'Welcome!' }),
      ],
    ],
    [-100, [makeChatMessage(3, { chatId: -100, text: 'hello group' })]],
    [777, [makeChatMessage(4, { chatId: 777, userId: 777, userName: 'Zoe', text: 'hi from Zoe' })]],
  ]);
  let nextId = 10;
  const fake = createFakeClient({
    'sandbox.info': () => SANDBOX_INFO,
    'sandbox.chats': () => ({ items: [...chats.keys()] }),
    'sandbox.messages': ({ chatId }) => ({ items: chats.get(chatId) ?? [] }),
    'sandbox.say': ({ userId, name, chatId, text }) => {
      const id = nextId++;
      const chat = chatId ?? userId;
      chats.set(chat, [
        ...(chats.get(chat) ?? []),
        makeChatMessage(id, { chatId: chat, userId, userName: name ?? null, text }),
      ]);
      return { updateId: id, messageId: id, chatId: chat };
    },
  });
  const botSays = (chatId: number, text: string) => {
    const id = nextId++;
    chats.set(chatId, [
      ...(chats.get(chatId) ?? []),
      makeChatMessage(id, { chatId, sender: 'bot', userId: null, userName: null, text }),
    ]);
  };
  return { fake, botSays };
}

async function setup() {
  const server = sandboxServer();
  const view = renderWithStores(server.fake.client, () => <SandboxPanel />);
  await act(settle);
  return { ...server, ...view };
}

const bubbles = () =>
  screen
    .getAllByTestId('chat-message')
    .map((element) => [element.dataset.sender, element.querySelector('.bubble-text')?.textContent]);
const messageReads = (fake: ReturnType<typeof sandboxServer>['fake']) =>
  fake.calls('sandbox.messages').length;

describe('Sandbox chat', () => {
  it("shows the sandbox's details and the default user's private chat as bubbles", async () => {
    const { fake } = await setup();
    expect(screen.getByTestId('sandbox-panel')).toBeTruthy();
    expect(screen.getByTestId('sandbox-url').textContent).toBe('http://127.0.0.1:8788/api/v1');
    expect(screen.getByTestId('sandbox-username').textContent).toBe('@sandbox_bot');
    expect(screen.getByTestId('sandbox-token').textContent).toBe('7:sandbox-token');
    expect(screen.getByTestId('sandbox-token-copy')).toBeTruthy();
    expect(screen.getByTestId('sandbox-info').textContent).toMatch(/only against this machine's sandbox/);
    expect((screen.getByTestId('sandbox-user-id') as HTMLInputElement).value).toBe('42');
    expect((screen.getByTestId('sandbox-user-name') as HTMLInputElement).value).toBe('Ada');
    expect(fake.calls('sandbox.messages').map((call) => call.input)).toEqual([{ chatId: 42 }]);
    expect(bubbles()).toEqual([
      ['user', '/start'],
      ['bot', 'Welcome!'],
    ]);
    expect(screen.getAllByTestId('sandbox-chat').map((chat) => chat.dataset.chatId)).toEqual([
      '42',
      '-100',
      '777',
    ]);
  });

  it('writes as the chosen user with Enter, and shows the message', async () => {
    const { fake } = await setup();
    fireEvent.change(screen.getByTestId('sandbox-user-name'), { target: { value: 'Grace' } });
    fireEvent.change(screen.getByTestId('sandbox-text'), { target: { value: 'ping' } });
    fireEvent.submit(screen.getByTestId('sandbox-text'));
    await act(settle);
    expect(fake.calls('sandbox.say').map((call) => call.input)).toEqual([
      { userId: 42, name: 'Grace', chatId: 42, text: 'ping' },
    ]);
    expect((screen.getByTestId('sandbox-text') as HTMLInputElement).value).toBe('');
    expect(bubbles().at(-1)).toEqual(['user', 'ping']);

    fireEvent.change(screen.getByTestId('sandbox-text'), { target: { value: 'again' } });
    fireEvent.click(screen.getByTestId('sandbox-send'));
    await act(settle);
    expect(fake.calls('sandbox.say')).toHaveLength(2);
  });

  it('updates live on sandbox.changed for the open chat, or for all chats', async () => {
    const { fake, botSays } = await setup();
    const before = messageReads(fake);

    botSays(42, 'pong');
    act(() => fake.emit('sandbox.changed', { botId: SANDBOX_INFO.botId, chatId: 42 }));
    await act(settle);
    expect(bubbles().at(-1)).toEqual(['bot', 'pong']);
    expect(messageReads(fake)).toBe(before + 1);

    // Another chat changed: the open one is not read again.
    act(() => fake.emit('sandbox.changed', { botId: SANDBOX_INFO.botId, chatId: -100 }));
    await act(settle);
    expect(messageReads(fake)).toBe(before + 1);

    botSays(42, 'after a webhook change');
    act(() => fake.emit('sandbox.changed', { botId: SANDBOX_INFO.botId, chatId: null }));
    await act(settle);
    expect(bubbles().at(-1)).toEqual(['bot', 'after a webhook change']);

    // Another sandbox bot's chat is none of this panel's business.
    act(() => fake.emit('sandbox.changed', { botId: 999, chatId: 42 }));
    await act(settle);
    expect(messageReads(fake)).toBe(before + 2);
  });

  it('reads the chat again after a reconnect', async () => {
    const { fake, botSays } = await setup();
    botSays(42, 'missed while offline');
    act(() => fake.reconnect());
    await act(settle);
    expect(bubbles().at(-1)).toEqual(['bot', 'missed while offline']);
  });

  it('switches chats, and follows a new user into their private chat', async () => {
    const { fake } = await setup();
    fireEvent.click(screen.getAllByTestId('sandbox-chat')[1] as HTMLElement);
    await act(settle);
    expect(fake.calls('sandbox.messages').at(-1)?.input).toEqual({ chatId: -100 });
    expect(bubbles()).toEqual([['user', 'hello group']]);

    fireEvent.change(screen.getByTestId('sandbox-text'), { target: { value: 'to the group' } });
    fireEvent.submit(screen.getByTestId('sandbox-text'));
    await act(settle);
    expect(fake.calls('sandbox.say').at(-1)?.input).toMatchObject({ chatId: -100, userId: 42 });

    // A chat chosen on purpose stays when the user changes...
    fireEvent.change(screen.getByTestId('sandbox-user-id'), { target: { value: '7' } });
    await act(settle);
    expect(fake.calls('sandbox.messages').at(-1)?.input).toEqual({ chatId: -100 });
    // ...while from a private chat the new user gets their own.
    fireEvent.click(
      screen.getAllByTestId('sandbox-chat').find((chat) => chat.dataset.chatId === '7') as HTMLElement,
    );
    await act(settle);
    fireEvent.change(screen.getByTestId('sandbox-user-id'), { target: { value: '8' } });
    await act(settle);
    expect(fake.calls('sandbox.messages').at(-1)?.input).toEqual({ chatId: 8 });
    expect(screen.getByTestId('sandbox-conversation').textContent).toContain('No messages yet');

    // Typed by hand: emptied first, then the new id; the private chat still follows.
    fireEvent.change(screen.getByTestId('sandbox-user-id'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('sandbox-user-id'), { target: { value: '9' } });
    await act(settle);
    expect(fake.calls('sandbox.messages').at(-1)?.input).toEqual({ chatId: 9 });
  });

  it('opening another user’s private chat writes as that user, and labels say what is sent', async () => {
    const { fake } = await setup();
    const chatButton = (id: string) =>
      screen.getAllByTestId('sandbox-chat').find((chat) => chat.dataset.chatId === id) as HTMLElement;
    expect(chatButton('777').dataset.chatType).toBe('private');
    expect(chatButton('-100').dataset.chatType).toBe('group');
    expect(chatButton('-100').textContent).toBe('Group -100');

    fireEvent.click(chatButton('777'));
    await act(settle);
    expect((screen.getByTestId('sandbox-user-id') as HTMLInputElement).value).toBe('777');
    // The name the user last wrote with in that chat.
    expect((screen.getByTestId('sandbox-user-name') as HTMLInputElement).value).toBe('Zoe');
    expect(chatButton('777').textContent).toBe('Zoe (private, 777)');
    expect(screen.getByTestId('sandbox-writing-as').textContent).toMatch(
      /Zoe \(777\) in a private chat.*“private”/,
    );
    fireEvent.change(screen.getByTestId('sandbox-text'), { target: { value: 'hello bot' } });
    fireEvent.submit(screen.getByTestId('sandbox-text'));
    await act(settle);
    expect(fake.calls('sandbox.say').at(-1)?.input).toEqual({
      userId: 777,
      name: 'Zoe',
      chatId: 777,
      text: 'hello bot',
    });

    // A group keeps whoever writes; the line says the update is a group's.
    fireEvent.click(chatButton('-100'));
    await act(settle);
    expect((screen.getByTestId('sandbox-user-id') as HTMLInputElement).value).toBe('777');
    expect(screen.getByTestId('sandbox-writing-as').textContent).toMatch(/group -100.*“group”/);
  });

  it('remembers whom it writes as, and where, across a reload', async () => {
    const first = await setup();
    fireEvent.click(
      screen.getAllByTestId('sandbox-chat').find((chat) => chat.dataset.chatId === '-100') as HTMLElement,
    );
    fireEvent.change(screen.getByTestId('sandbox-user-id'), { target: { value: '5' } });
    fireEvent.change(screen.getByTestId('sandbox-user-name'), { target: { value: 'Eve' } });
    await act(settle);
    first.unmount();
    cleanup();

    const { fake } = await setup();
    expect((screen.getByTestId('sandbox-user-id') as HTMLInputElement).value).toBe('5');
    expect((screen.getByTestId('sandbox-user-name') as HTMLInputElement).value).toBe('Eve');
    expect(fake.calls('sandbox.messages').map((call) => call.input)).toEqual([{ chatId: -100 }]);
    fireEvent.change(screen.getByTestId('sandbox-text'), { target: { value: 'back' } });
    fireEvent.submit(screen.getByTestId('sandbox-text'));
    await act(settle);
    expect(fake.calls('sandbox.say').at(-1)?.input).toEqual({
      userId: 5,
      name: 'Eve',
      chatId: -100,
      text: 'back',
    });
  });

  it('refuses a user id that is not a positive number, without calling', async () => {
    const { fake } = await setup();
    fireEvent.change(screen.getByTestId('sandbox-user-id'), { target: { value: 'x' } });
    expect(screen.getByTestId('sandbox-user-id').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByTestId('sandbox-text'), { target: { value: 'hi' } });
    fireEvent.submit(screen.getByTestId('sandbox-text'));
    await act(settle);
    expect(fake.calls('sandbox.say')).toHaveLength(0);
    expect(screen.getByTestId('sandbox-error').textContent).toMatch(/positive whole number/);
  });

  it('stops listening when the panel is closed', async () => {
    const { fake, unmount } = await setup();
    const before = messageReads(fake);
    unmount();
    fake.emit('sandbox.changed', { botId: SANDBOX_INFO.botId, chatId: null });
    await settle();
    expect(messageReads(fake)).toBe(before);
  });
});
