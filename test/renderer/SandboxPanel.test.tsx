import type { SandboxChatMessage } from '@contract';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SandboxPanel } from '../../src-renderer/features/sandbox/SandboxPanel';
import { makeChatMessage, SANDBOX_INFO } from './support/bots';
import { createFakeClient, settle } from './support/fakeClient';
import { renderWithStores } from './support/render';

afterEach(cleanup);

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
    expect(screen.getAllByTestId('sandbox-chat').map((chat) => chat.dataset.chatId)).toEqual(['42', '-100']);
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
