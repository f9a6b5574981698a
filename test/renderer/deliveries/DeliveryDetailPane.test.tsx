import type { DeliveryDetail } from '@contract';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeliveriesProvider } from '../../../src-renderer/features/deliveries/context';
import { DeliveryDetailPane } from '../../../src-renderer/features/deliveries/DeliveryDetailPane';
import { createDeliveriesStores } from '../../../src-renderer/features/deliveries/deliveriesStores';
import { makeDetail, makePage } from '../support/deliveries';
import { createFakeClient, settle } from '../support/fakeClient';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function showDetail(detail: DeliveryDetail, others: Record<number, DeliveryDetail> = {}) {
  const fake = createFakeClient({
    'deliveries.list': () => ({ items: makePage(1, detail.id), total: detail.id }),
    'deliveries.get': ({ id }) => (id === detail.id ? detail : (others[id] ?? makeDetail(id))),
  });
  const stores = createDeliveriesStores(fake.client, { scheduleFrame: () => {} });
  const store = stores.list;
  store.getState().start();
  render(
    <DeliveriesProvider stores={stores}>
      <DeliveryDetailPane receiverUrl="http://127.0.0.1:8787" />
    </DeliveriesProvider>,
  );
  expect(screen.getByTestId('delivery-detail').textContent).toMatch(/Select a delivery/);
  act(() => stores.selection.getState().open(detail.id));
  await act(settle);
  return { fake, store, stores };
}

const openTab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));

describe('DeliveryDetailPane', () => {
  it('summarizes the delivery', async () => {
    await showDetail(makeDetail(7, { path: '/webhook', query: '?x=1' }));
    const summary = screen.getByTestId('detail-summary');
    expect(summary.textContent).toContain('solafon');
    expect(summary.textContent).toContain('Ada · @ada · id 42 · lang en');
    expect(summary.textContent).toContain('/webhook?x=1');
    expect(summary.textContent).toContain('message 7');
  });

  it('keeps a right-to-left override in its field and shows it, so user id 501 reads 501', async () => {
    const rlo = '\u202E';
    const base = makeDetail(8);
    const text = JSON.stringify({ from: { id: 501, last_name: `Doe${rlo}` }, text: `hi${rlo}` });
    await showDetail(
      makeDetail(8, {
        summary: {
          ...base.summary,
          user: { id: 501, name: `Ada Doe${rlo}`, username: null, language: 'en' },
          text: `hi${rlo}`,
        },
        headers: [['X-Note', `a${rlo}b\u0007`]],
        body: { base64: btoa(String.fromCharCode(...new TextEncoder().encode(text))), text, omitted: false },
      }),
    );
    const user = screen.getByText('User').nextElementSibling as HTMLElement;
    // The name is its own bidi island; the id is outside it, in the field's own direction.
    const name = user.querySelector('bdi');
    expect(name?.textContent).toBe('Ada Doe⟨U+202E⟩');
    expect(name?.textContent).not.toContain('id 501');
    expect(user.textContent).toBe('Ada Doe⟨U+202E⟩ · id 501 · lang en');
    // Shown, not obeyed: no override is left in the page to act.
    expect(screen.getByTestId('delivery-detail').textContent).not.toContain(rlo);
    expect(name?.querySelector('.control-char')?.getAttribute('title')).toBe('U+202E RIGHT-TO-LEFT OVERRIDE');

    openTab('Headers');
    expect(screen.getByTestId('headers-table').querySelector('td.header-value bdi')?.textContent).toBe(
      'a⟨U+202E⟩b\\u0007',
    );
    openTab('JSON');
    const tree = screen.getByTestId('json-tree');
    expect(tree.textContent).toContain('"last_name": "Doe⟨U+202E⟩"');
    expect(tree.textContent).not.toContain(rlo);
    openTab('Raw body');
    expect(screen.getByTestId('raw-body').textContent).toBe(text.replaceAll(rlo, '⟨U+202E⟩'));
  });

  it('shows the JSON body as a tree, and says so when the body is not JSON', async () => {
    await showDetail(makeDetail(3));
    openTab('JSON');
    expect(screen.getByTestId('json-tree').textContent).toContain('"update_id": 3');
    cleanup();

    await showDetail(
      makeDetail(4, {
        problem: 'malformed-json',
        body: { base64: btoa('{oops'), text: '{oops', omitted: false },
      }),
    );
    openTab('JSON');
    expect(screen.getByTestId('json-invalid').textContent).toBe('The body is not valid JSON.');
    expect(screen.getByTestId('raw-body').textContent).toBe('{oops');
    expect(screen.queryByTestId('json-tree')).toBeNull();
  });

  it('shows a non-UTF-8 body as a hex dump, or as base64, and an omitted one by its size', async () => {
    await showDetail(makeDetail(2, { body: { base64: '/wBBYg==', text: null, omitted: false } }));
    openTab('Raw body');
    expect(screen.getByTestId('detail-tab-raw').textContent).toContain('not UTF-8');
    expect(screen.getByTestId('hex-view').textContent).toBe(
      `00000000  ff 00 41 62 ${'   '.repeat(4)} ${'   '.repeat(8)} |..Ab|`,
    );
    fireEvent.click(screen.getByTestId('binary-view-base64'));
    expect(screen.getByTestId('raw-body').textContent).toBe('/wBBYg==');
    cleanup();

    await showDetail(
      makeDetail(5, {
        bodySize: 3_000_000,
        problem: 'too-large',
        body: { base64: '', text: null, omitted: true },
      }),
    );
    openTab('Raw body');
    expect(screen.getByTestId('body-omitted').textContent).toContain('3000000 bytes');
  });

  it('lists headers in arrival order and the response we sent', async () => {
    await showDetail(makeDetail(2, { response: { status: 503, body: 'busy' } }));
    openTab('Headers');
    const cells = [...screen.getByTestId('headers-table').querySelectorAll('td.header-name')];
    expect(cells.map((cell) => cell.textContent)).toEqual(['Host', 'Content-Type', 'Content-Length']);
    openTab('Response');
    const response = screen.getByTestId('detail-response');
    expect(response.querySelector('.status-server-error')?.textContent).toBe('503');
    expect(response.textContent).toContain('busy');
  });

  it('keeps repeated and identical headers, each once, in arrival order', async () => {
    await showDetail(
      makeDetail(3, {
        headers: [
          ['Set-Cookie', 'a=1'],
          ['X-Trace', 't'],
          ['Set-Cookie', 'a=1'],
          ['Set-Cookie', 'b=2'],
        ],
      }),
    );
    openTab('Headers');
    const rows = [...screen.getByTestId('headers-table').querySelectorAll('tbody tr')];
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['Set-Cookie', 'a=1'],
      ['X-Trace', 't'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
    ]);
  });

  it('links a duplicate to its first copy, which selects it', async () => {
    const { stores } = await showDetail(makeDetail(9, { problem: 'duplicate', duplicateOf: 4 }));
    expect(screen.getAllByTestId('problem-badge')[0]?.getAttribute('title')).toMatch(/same update id/);
    expect(screen.getByTestId('duplicate-of-link').textContent).toBe('First copy: #4');
    fireEvent.click(screen.getByTestId('duplicate-of-link'));
    await act(settle);
    expect(stores.selection.getState().openId).toBe(4);
    expect(screen.getByTestId('delivery-detail').textContent).toContain('#4');
  });

  it('copies a curl command to the clipboard', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    await showDetail(makeDetail(6));
    await act(async () => {
      fireEvent.click(screen.getByTestId('copy-as-curl'));
    });
    expect(writeText).toHaveBeenCalledTimes(1);
    const command = String((writeText.mock.calls[0] as unknown[])[0]);
    expect(command).toMatch(/^curl -X POST http:\/\/127\.0\.0\.1:8787\/webhook/);
    expect(command).toContain("-H 'Content-Type: application/json'");
    const button = screen.getByTestId('copy-as-curl');
    expect(button.getAttribute('aria-label')).toBe('Copied');
    // Both labels stay in the button, the other one hidden: its width does not change, nothing reflows.
    const labels = [...button.querySelectorAll('.copy-label')];
    expect(labels.map((label) => [label.textContent, label.getAttribute('data-shown')])).toEqual([
      ['Copy as curl', 'false'],
      ['Copied', 'true'],
    ]);
  });

  it('shows the command to copy by hand when the clipboard is refused', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: async () => Promise.reject(new Error('denied')) },
    });
    await showDetail(makeDetail(6));
    await act(async () => {
      fireEvent.click(screen.getByTestId('copy-as-curl'));
    });
    const box = screen.getByRole('dialog', { name: 'Copy by hand' }).querySelector('textarea');
    expect(box?.value).toMatch(/^curl -X POST/);
  });

  it('shows a failed load with a retry that works', async () => {
    let fail = true;
    const fake = createFakeClient({
      'deliveries.list': () => ({ items: makePage(1, 2), total: 2 }),
      'deliveries.get': ({ id }) => {
        if (fail) throw new Error('socket hang up');
        return makeDetail(id);
      },
    });
    const stores = createDeliveriesStores(fake.client, { scheduleFrame: () => {} });
    render(
      <DeliveriesProvider stores={stores}>
        <DeliveryDetailPane receiverUrl={null} />
      </DeliveriesProvider>,
    );
    act(() => stores.selection.getState().open(2));
    await act(settle);
    expect(screen.getByRole('alert').textContent).toContain('Delivery #2 failed to load: socket hang up');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await act(settle);
    expect(screen.getByTestId('detail-summary')).toBeTruthy();
    expect(screen.getByTestId('delivery-detail').textContent).toContain('needs the receiver URL');
  });
});

describe('DeliveryDetailPane header', () => {
  it('keeps the id and method together and shows a long path whole on hover and in its copy button', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const path = `/link/${'a'.repeat(300)}`;
    await showDetail(makeDetail(8, { method: 'GET', path, query: '?sig=abc' }));
    const id = screen.getByTestId('detail-id');
    expect(id.textContent).toBe('#8 GET');
    expect(id.className).toBe('detail-id');
    const shown = screen.getByTestId('detail-path');
    expect(shown.getAttribute('title')).toBe(`${path}?sig=abc`);
    expect(shown.className).toBe('detail-path');
    await act(async () => {
      fireEvent.click(screen.getByTestId('copy-path'));
    });
    expect(writeText).toHaveBeenCalledWith(`${path}?sig=abc`);
  });
});
