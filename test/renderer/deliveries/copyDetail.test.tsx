import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Toaster } from '../../../src-renderer/components/toast/Toaster';
import { clearToasts } from '../../../src-renderer/components/toast/toastStore';
import { DeliveriesProvider } from '../../../src-renderer/features/deliveries/context';
import { DeliveryDetailPane } from '../../../src-renderer/features/deliveries/DeliveryDetailPane';
import { createDeliveriesStores } from '../../../src-renderer/features/deliveries/deliveriesStores';
import { makeDetail, makePage } from '../support/deliveries';
import { createFakeClient, settle } from '../support/fakeClient';

const writeText = vi.fn(async (_text: string) => {});

beforeEach(() => {
  writeText.mockClear();
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
});

afterEach(() => {
  cleanup();
  clearToasts();
  vi.unstubAllGlobals();
});

const BODY = JSON.stringify({
  update_id: 9,
  message: { from: { id: 42 }, entities: [{ type: 'bot_command' }] },
});

async function show() {
  const detail = makeDetail(9, {
    body: { base64: btoa(BODY), text: BODY, omitted: false },
    headers: [
      ['Content-Type', 'application/json'],
      ['X-Trace', 'abc'],
    ],
  });
  const fake = createFakeClient({
    'deliveries.list': () => ({ items: makePage(1, 9), total: 9 }),
    'deliveries.get': () => detail,
  });
  const stores = createDeliveriesStores(fake.client, { scheduleFrame: () => {} });
  const store = stores.list;
  store.getState().start();
  render(
    <DeliveriesProvider stores={stores}>
      <DeliveryDetailPane receiverUrl="http://127.0.0.1:8787" />
      <Toaster />
    </DeliveriesProvider>,
  );
  act(() => stores.selection.getState().open(9));
  await act(settle);
}

const openTab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
const click = async (element: Element) => {
  await act(async () => {
    fireEvent.click(element);
  });
};
const copied = () => writeText.mock.calls.at(-1)?.[0];

describe('copy from the detail pane', () => {
  it('copies the JSON, the raw body and the headers from their tabs', async () => {
    await show();
    openTab('JSON');
    await click(screen.getByTestId('copy-json'));
    expect(copied()).toBe(JSON.stringify(JSON.parse(BODY), null, 2));
    openTab('Raw body');
    await click(screen.getByTestId('copy-raw'));
    expect(copied()).toBe(BODY);
    openTab('Headers');
    await click(screen.getByTestId('copy-headers'));
    expect(copied()).toBe('Content-Type: application/json\nX-Trace: abc');
  });

  it('copies a value or its path from the JSON tree, by mouse and by key', async () => {
    await show();
    openTab('JSON');
    const idLine = [...screen.getByTestId('json-tree').querySelectorAll('.json-line')].find((line) =>
      line.textContent?.startsWith('"id": 42'),
    ) as HTMLElement;
    fireEvent.mouseEnter(idLine);
    await click(screen.getByRole('button', { name: 'copy path' }));
    expect(copied()).toBe('message.from.id');
    expect(screen.getByTestId('copied-toast').textContent).toContain('message.from.id');
    await click(screen.getByRole('button', { name: 'copy value' }));
    expect(copied()).toBe('42');

    const entities = [...screen.getByTestId('json-tree').querySelectorAll('[role="treeitem"]')].find((item) =>
      item.textContent?.startsWith('▾"entities"'),
    ) as HTMLElement;
    await act(async () => {
      fireEvent.keyDown(entities, { key: 'p' });
    });
    expect(copied()).toBe('message.entities');
    await act(async () => {
      fireEvent.keyDown(entities, { key: 'c' });
    });
    expect(JSON.parse(copied() ?? '')).toEqual([{ type: 'bot_command' }]);
  });

  it('copies the delivery as fetch and as HTTPie beside curl', async () => {
    await show();
    await click(screen.getByTestId('copy-as-fetch'));
    expect(copied()).toMatch(/^await fetch\("http:\/\/127\.0\.0\.1:8787\/webhook", \{\n {2}method: "POST",/);
    expect(copied()).toContain('["X-Trace", "abc"]');
    expect(copied()).toContain(`body: ${JSON.stringify(BODY)}`);
    await click(screen.getByTestId('copy-as-httpie'));
    expect(copied()).toMatch(/^printf '%s' '.*' \| http POST http:\/\/127\.0\.0\.1:8787\/webhook /);
    expect(copied()).toContain('Content-Type:application/json');
  });
});
