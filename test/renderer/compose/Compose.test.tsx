import type { SentReply } from '@contract';
import { ContractError } from '@contract/errors';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/app/App';
import { createStores, startStores } from '../../../src-renderer/app/allStores';
import { ComposePanel } from '../../../src-renderer/features/compose/ComposePanel';
import { parseChatId, replyChatId } from '../../../src-renderer/features/compose/chatId';
import { APP_INFO, makeProfile, makeSentReply, SANDBOX_PROFILE } from '../support/bots';
import { makeDetail, makeItem } from '../support/deliveries';
import { createFakeClient, type Handlers, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';
import { renderWithStores } from '../support/render';

installFakeLayout();
afterEach(cleanup);

const PROFILE = makeProfile(2, { name: 'Shop bot' });

/** A fake core that keeps what was sent, as `messages.history` would. */
function sendingHandlers(
  answer: (input: { chatId: number | string; text: string }) => Partial<SentReply> = () => ({}),
) {
  const sent: SentReply[] = [makeSentReply(1, { text: 'earlier', deliveryId: 9 })];
  const handlers: Handlers = {
    'messages.history': () => ({ items: sent }),
    'messages.send': ({ profileId, chatId, text, deliveryId }) => {
      const reply = makeSentReply(sent.length + 1, {
        profileId,
        chatId,
        text,
        deliveryId: deliveryId ?? null,
        ...answer({ chatId, text }),
      });
      sent.push(reply);
      return reply;
    },
  };
  return handlers;
}

const value = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;
const type = (testId: string, text: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value: text } });

describe('chat ids', () => {
  it("answers the update's chat, else its sender", () => {
    expect(replyChatId(makeItem(1).summary)).toBe(42);
    expect(replyChatId({ ...makeItem(1).summary, chat: { id: -100, type: 'group' } })).toBe(-100);
    expect(replyChatId({ ...makeItem(1).summary, chat: null })).toBe(42);
    expect(replyChatId({ ...makeItem(1).summary, chat: null, user: null })).toBeNull();
  });

  it('sends numbers as numbers and anything else as typed', () => {
    expect(parseChatId(' 42 ')).toBe(42);
    expect(parseChatId('-1001234567890')).toBe(-1_001_234_567_890);
    expect(parseChatId('@channel')).toBe('@channel');
    expect(parseChatId('123456789012345678901')).toBe('123456789012345678901');
    expect(parseChatId('  ')).toBeNull();
  });
});

describe('Compose panel', () => {
  it("offers the selected delivery's chat, sends, and shows the platform's answer and the history", async () => {
    const fake = createFakeClient(sendingHandlers());
    const delivery = makeItem(5, { summary: { ...makeItem(5).summary, chat: { id: 777, type: 'private' } } });
    renderWithStores(fake.client, () => <ComposePanel profile={PROFILE} selectedDelivery={delivery} />);
    await act(settle);

    expect(fake.calls('messages.history').map((call) => call.input)).toEqual([{ profileId: 2, limit: 200 }]);
    expect(value('compose-chat-id')).toBe('777');
    expect(screen.queryByTestId('compose-reply-to')).toBeNull();
    expect(screen.getAllByTestId('sent-reply')).toHaveLength(1);
    expect(screen.getByTestId('compose-history').textContent).toContain('#9');

    type('compose-text', 'Hello there');
    fireEvent.click(screen.getByTestId('compose-send'));
    await act(settle);
    expect(fake.calls('messages.send').map((call) => call.input)).toEqual([
      { profileId: 2, chatId: 777, text: 'Hello there' },
    ]);
    const result = screen.getByTestId('compose-result');
    expect(result.dataset.ok).toBe('true');
    expect(result.textContent).toContain('{"message_id":7}');
    expect(value('compose-text')).toBe('');
    const rows = screen.getAllByTestId('sent-reply');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('Hello there');
    expect(rows[0]?.textContent).toContain('777');
    expect(rows[0]?.textContent).toContain('ok');
  });

  it("keeps a chat id the user typed over the selected delivery's", async () => {
    const fake = createFakeClient(sendingHandlers());
    const { stores, rerender } = renderWithStores(fake.client, () => (
      <ComposePanel profile={PROFILE} selectedDelivery={makeItem(1)} />
    ));
    await act(settle);
    expect(value('compose-chat-id')).toBe('42');
    type('compose-chat-id', '@my_channel');
    rerender(
      <ComposePanel
        profile={PROFILE}
        selectedDelivery={makeItem(2, { summary: { ...makeItem(2).summary, chat: { id: 5, type: null } } })}
      />,
    );
    expect(stores.compose.getState().chatId).toBe('@my_channel');
  });

  it('shows an error the platform gave, keeps the text, and lists the failure', async () => {
    const fake = createFakeClient(
      sendingHandlers(() => ({
        ok: false,
        result: 'sendMessage failed (HTTP 400): Bad Request: chat not found',
      })),
    );
    renderWithStores(fake.client, () => <ComposePanel profile={PROFILE} selectedDelivery={null} />);
    await act(settle);
    expect(value('compose-chat-id')).toBe('');
    type('compose-chat-id', '-100');
    type('compose-text', 'hi');
    fireEvent.click(screen.getByTestId('compose-send'));
    await act(settle);
    expect(fake.calls('messages.send').map((call) => call.input)).toEqual([
      { profileId: 2, chatId: -100, text: 'hi' },
    ]);
    const result = screen.getByTestId('compose-result');
    expect(result.dataset.ok).toBe('false');
    expect(result.textContent).toBe('Not sent: sendMessage failed (HTTP 400): Bad Request: chat not found');
    expect(value('compose-text')).toBe('hi');
    expect(screen.getAllByTestId('sent-reply')[0]?.textContent).toContain('error: sendMessage failed');
  });

  it('sends with Ctrl+Enter or Cmd+Enter, not with a plain Enter', async () => {
    const fake = createFakeClient(sendingHandlers());
    renderWithStores(fake.client, () => <ComposePanel profile={PROFILE} selectedDelivery={makeItem(1)} />);
    await act(settle);
    type('compose-text', 'line one');
    fireEvent.keyDown(screen.getByTestId('compose-text'), { key: 'Enter' });
    await act(settle);
    expect(fake.calls('messages.send')).toHaveLength(0);
    fireEvent.keyDown(screen.getByTestId('compose-text'), { key: 'Enter', ctrlKey: true });
    await act(settle);
    type('compose-text', 'second');
    fireEvent.keyDown(screen.getByTestId('compose-text'), { key: 'Enter', metaKey: true });
    await act(settle);
    expect(fake.calls('messages.send').map((call) => (call.input as { text: string }).text)).toEqual([
      'line one',
      'second',
    ]);
  });

  it('says why nothing was sent when the chat id or text is missing, or a call fails', async () => {
    const fake = createFakeClient({
      'messages.history': () => ({ items: [] }),
      'messages.send': () => {
        throw new ContractError('bad-input', 'The profile "Shop bot" has no API token: add one in Profiles.');
      },
    });
    renderWithStores(fake.client, () => <ComposePanel profile={PROFILE} selectedDelivery={null} />);
    await act(settle);
    expect(screen.getByTestId('compose-history').textContent).toContain('Nothing sent yet');
    fireEvent.click(screen.getByTestId('compose-send'));
    expect(screen.getByTestId('compose-result').textContent).toBe('Not sent: Enter the chat id to send to.');
    type('compose-chat-id', '42');
    fireEvent.click(screen.getByTestId('compose-send'));
    expect(screen.getByTestId('compose-result').textContent).toBe('Not sent: The message is empty.');
    expect(fake.calls('messages.send')).toHaveLength(0);
    type('compose-text', 'hi');
    fireEvent.click(screen.getByTestId('compose-send'));
    await act(settle);
    expect(screen.getByTestId('compose-result').textContent).toContain('has no API token');
  });
});

describe('Reply from a delivery', () => {
  it('opens Compose on the delivery’s chat and links the reply to it', async () => {
    const fake = createFakeClient({
      'app.info': () => APP_INFO,
      'inboxes.list': () => ({ items: [] }),
      'deliveries.list': () => ({ items: [makeItem(3)], total: 1 }),
      'deliveries.get': ({ id }) =>
        makeDetail(id, { summary: { ...makeItem(id).summary, chat: { id: 4242, type: 'private' } } }),
      'profiles.list': () => ({ items: [makeProfile(2, { name: 'Shop' }), SANDBOX_PROFILE] }),
      ...sendingHandlers(),
    });
    const stores = createStores(fake.client, { deliveries: { scheduleFrame: () => {} } });
    startStores(stores);
    render(<App stores={stores} />);
    await act(settle);

    fireEvent.click(screen.getByTestId('delivery-row'));
    await act(settle);
    fireEvent.click(screen.getByTestId('reply-button'));
    await act(settle);

    expect(screen.getByTestId('compose-panel')).toBeTruthy();
    expect(screen.getByTestId('nav-compose').getAttribute('aria-current')).toBe('page');
    expect(value('compose-chat-id')).toBe('4242');
    expect(screen.getByTestId('compose-reply-to').textContent).toContain('#3');
    type('compose-text', 'Thanks!');
    fireEvent.click(screen.getByTestId('compose-send'));
    await act(settle);
    // The sandbox profile is the default one.
    expect(fake.calls('messages.send').map((call) => call.input)).toEqual([
      { profileId: 1, chatId: 4242, text: 'Thanks!', deliveryId: 3 },
    ]);
    const newest = screen.getAllByTestId('sent-reply')[0];
    expect(newest?.textContent).toContain('#3');

    // The linked delivery opens back in the Deliveries view.
    fireEvent.click(screen.getByRole('button', { name: '#3' }));
    await act(settle);
    expect(screen.getByTestId('delivery-detail').textContent).toContain('#3');
  });
});
