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

const KEYBOARD = {
  inline_keyboard: [
    [
      { text: 'Yes', callback_data: 'pick:yes' },
      { text: 'No', callback_data: 'pick:no' },
    ],
    [{ text: 'Docs', url: 'https://example.com/docs' }],
  ],
};

function setup(initial: SandboxChatMessage[]) {
  let items = initial;
  const fake = createFakeClient({
    'sandbox.info': () => SANDBOX_INFO,
    'sandbox.chats': () => ({ items: [42, -100] }),
    'sandbox.messages': ({ chatId }) => ({ items: items.filter((m) => m.chatId === chatId) }),
    'sandbox.press': () => ({ updateId: 5 }),
    'sandbox.edit': () => ({ updateId: 6 }),
    'sandbox.send': () => ({ updateId: 7 }),
  });
  const view = renderWithStores(fake.client, () => <SandboxPanel />);
  const change = async (next: SandboxChatMessage[], chatId = 42) => {
    items = next;
    act(() => fake.emit('sandbox.changed', { botId: SANDBOX_INFO.botId, chatId }));
    await act(settle);
  };
  return { fake, view, change };
}

const menu = makeChatMessage(2, {
  sender: 'bot',
  userId: null,
  userName: null,
  text: 'Pick one',
  replyMarkup: KEYBOARD,
});
const start = makeChatMessage(1, {
  text: '/menu',
  delivery: { state: 'delivered', failures: 0, lastError: null },
});

describe('Sandbox chat: buttons, toasts, edits, canned updates and delivery states', () => {
  it('renders the inline keyboard, presses a callback button, and shows the bot’s answer as a toast', async () => {
    const { fake, change } = setup([start, menu]);
    await act(settle);
    expect(screen.getAllByTestId('inline-button').map((b) => b.textContent)).toEqual(['Yes', 'No']);
    const link = screen.getByTestId('inline-link') as HTMLAnchorElement;
    expect(link.href).toBe('https://example.com/docs');
    expect(link.rel).toContain('noopener');

    fireEvent.click(screen.getAllByTestId('inline-button')[1] as HTMLElement);
    await act(settle);
    expect(fake.calls('sandbox.press').map((c) => c.input)).toEqual([
      { userId: 42, name: 'Ada', chatId: 42, messageId: 2, data: 'pick:no' },
    ]);
    expect(screen.queryByTestId('sandbox-toast')).toBeNull();

    const press = makeChatMessage(3, { kind: 'callback', text: 'No', delivery: null });
    const answer = makeChatMessage(4, {
      sender: 'bot',
      userId: null,
      userName: null,
      kind: 'callback_answer',
      text: 'You picked no',
    });
    await change([start, { ...menu, text: 'Picked no', editedAt: 1_704_110_500 }, press, answer]);
    expect(screen.getByTestId('sandbox-toast').textContent).toBe('You picked no');
    // The answer is a toast, not a bubble; the edited message says so.
    expect(screen.getAllByTestId('chat-message').map((b) => b.dataset.kind)).toEqual([
      'text',
      'text',
      'callback',
    ]);
    expect(screen.getAllByTestId('bubble-edited')).toHaveLength(1);
    expect(screen.getByText(/pressed/).textContent).toContain('No');
  });

  it('shows each user bubble’s delivery state from the delivery log', async () => {
    setup([
      start,
      makeChatMessage(5, { text: 'waiting', delivery: { state: 'pending', failures: 0, lastError: null } }),
      makeChatMessage(6, {
        text: 'flaky',
        delivery: { state: 'retrying', failures: 2, lastError: 'Wrong response from the webhook: 500' },
      }),
      makeChatMessage(7, {
        text: 'lost',
        delivery: { state: 'failed', failures: 10, lastError: 'Connection refused' },
      }),
    ]);
    await act(settle);
    const states = screen.getAllByTestId('bubble-delivery');
    expect(states.map((s) => s.textContent)).toEqual(['delivered', 'sending…', 'retrying 2', 'failed']);
    expect(states[3]?.getAttribute('title')).toBe('Connection refused');
  });

  it('edits my own message as an edited_message, and sends canned updates into the open chat', async () => {
    const { fake } = setup([start, menu]);
    await act(settle);
    fireEvent.click(screen.getByTestId('bubble-edit'));
    expect((screen.getByTestId('sandbox-text') as HTMLInputElement).value).toBe('/menu');
    expect(screen.getByTestId('sandbox-editing').textContent).toMatch(/edited_message/);
    fireEvent.change(screen.getByTestId('sandbox-text'), { target: { value: '/menu again' } });
    fireEvent.submit(screen.getByTestId('sandbox-text'));
    await act(settle);
    expect(fake.calls('sandbox.edit').map((c) => c.input)).toEqual([
      { userId: 42, name: 'Ada', chatId: 42, messageId: 1, text: '/menu again' },
    ]);
    expect(fake.calls('sandbox.say')).toHaveLength(0);
    expect(screen.queryByTestId('sandbox-editing')).toBeNull();

    fireEvent.change(screen.getByTestId('sandbox-canned-kind'), { target: { value: 'photo' } });
    fireEvent.click(screen.getByTestId('sandbox-canned-send'));
    await act(settle);
    expect(fake.calls('sandbox.send').map((c) => c.input)).toEqual([
      { userId: 42, name: 'Ada', chatId: 42, kind: 'photo' },
    ]);
  });

  it('lets several users write in one group by picking a member', async () => {
    const { fake } = setup([
      makeChatMessage(8, { chatId: -100, userId: 1, userName: 'Ann', text: 'hi' }),
      makeChatMessage(9, { chatId: -100, userId: 2, userName: 'Ben', text: 'yo' }),
    ]);
    await act(settle);
    fireEvent.click(
      screen.getAllByTestId('sandbox-chat').find((c) => c.dataset.chatId === '-100') as HTMLElement,
    );
    await act(settle);
    expect(screen.getAllByTestId('sandbox-member').map((m) => m.textContent)).toEqual(['Ann (1)', 'Ben (2)']);
    fireEvent.click(screen.getAllByTestId('sandbox-member')[1] as HTMLElement);
    fireEvent.change(screen.getByTestId('sandbox-text'), { target: { value: 'me too' } });
    fireEvent.submit(screen.getByTestId('sandbox-text'));
    await act(settle);
    expect(fake.calls('sandbox.say').at(-1)?.input).toEqual({
      userId: 2,
      name: 'Ben',
      chatId: -100,
      text: 'me too',
    });
  });
});
