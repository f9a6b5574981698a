import type { DeliveryDetail, Problem } from '@contract';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DeliveriesProvider } from '../../../src-renderer/features/deliveries/context';
import { DeliveryDetailPane } from '../../../src-renderer/features/deliveries/DeliveryDetailPane';
import { DeliveryList } from '../../../src-renderer/features/deliveries/DeliveryList';
import { createDeliveriesStores } from '../../../src-renderer/features/deliveries/deliveriesStores';
import { ProblemBadge } from '../../../src-renderer/features/deliveries/ProblemBadge';
import { PROBLEMS } from '../../../src-renderer/features/deliveries/problems';
import { makeDetail, makeItem } from '../support/deliveries';
import { createFakeClient, settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';
import { makeInvocationDetail } from '../support/links';

installFakeLayout();
afterEach(cleanup);

async function showDeliveries(details: DeliveryDetail[]) {
  const byId = new Map(details.map((detail) => [detail.id, detail]));
  const fake = createFakeClient({
    'deliveries.list': () => ({ items: [...details].reverse(), total: details.length }),
    'deliveries.get': ({ id }) => byId.get(id) ?? makeDetail(id),
  });
  const stores = createDeliveriesStores(fake.client, { scheduleFrame: () => {} });
  const store = stores.list;
  store.getState().start();
  await act(settle);
  render(
    <DeliveriesProvider stores={stores}>
      <DeliveryList onOpen={() => {}} empty={<p>empty</p>} />
      <DeliveryDetailPane receiverUrl="http://127.0.0.1:8787" />
    </DeliveriesProvider>,
  );
  const select = async (id: number) => {
    act(() => stores.selection.getState().open(id));
    await act(settle);
  };
  return { fake, store, select };
}

const openTab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
const tabNames = () => screen.getAllByRole('tab').map((tab) => tab.textContent);

describe('Invocations', () => {
  it('shows a signed-link hit in the list with its command, a link badge and the user', async () => {
    await showDeliveries([makeDetail(1), makeInvocationDetail(2)]);
    const rows = screen.getAllByTestId('delivery-row');
    const invocation = rows.find((row) => row.dataset.deliveryId === '2') as HTMLElement;
    expect(within(invocation).getByTestId('link-badge').textContent).toBe('link');
    expect(invocation.querySelector('.row-text')?.textContent).toBe('syncGameData');
    expect(invocation.querySelector('.cell-user')?.textContent).toBe('123');
    const plain = rows.find((row) => row.dataset.deliveryId === '1') as HTMLElement;
    expect(within(plain).queryByTestId('link-badge')).toBeNull();
  });

  it('adds an Invocation tab with outcome, options, params, logs and sent messages', async () => {
    const { select } = await showDeliveries([makeInvocationDetail(2)]);
    await select(2);
    expect(tabNames()).toEqual(['Summary', 'Invocation', 'JSON', 'Raw body', 'Headers', 'Response']);
    openTab('Invocation');
    const tab = screen.getByTestId('detail-tab-invocation');
    expect(tab.textContent).toContain('syncGameData');
    expect(within(tab).getByTestId('invocation-outcome').textContent).toContain('ok');
    expect(within(tab).getByTestId('invocation-options').textContent).toContain('"level": 10');
    expect(within(tab).getByTestId('invocation-params').textContent).toContain('profile');
    expect(within(tab).getByTestId('invocation-logs').textContent).toBe('opened by {"id":123}\nlevel 10');
    const sent = within(tab).getByTestId('invocation-sent');
    expect(sent.textContent).toContain('Synced!');
    expect(sent.textContent).toContain('{"message_id":5}');
    expect(within(sent).getByTestId('invocation-message').dataset.ok).toBe('true');
    expect(tab.textContent).toContain('12 ms');
  });

  it('names the failed check of a rejected link, and says when nothing was logged or sent', async () => {
    const rejected = makeInvocationDetail(3, {
      outcome: 'rejected',
      check: 'expired',
      reason: 'The link has expired.',
      logs: [],
      sent: [],
    });
    const { select } = await showDeliveries([{ ...rejected, problem: 'expired-link' }]);
    await select(3);
    openTab('Invocation');
    expect(screen.getByTestId('invocation-outcome').textContent).toContain('rejected');
    expect(screen.getByTestId('invocation-check').textContent).toBe('expired');
    expect(screen.getByTestId('invocation-reason').textContent).toBe('The link has expired.');
    expect(screen.getByTestId('invocation-logs').textContent).toBe('Nothing logged.');
    expect(screen.getByTestId('invocation-sent').textContent).toContain('No messages sent.');
    expect(screen.getAllByTestId('problem-badge')[0]?.textContent).toBe('Expired link');
  });

  it('says when a stored answer was cut at 64 KiB', async () => {
    const { select } = await showDeliveries([
      makeInvocationDetail(5, { responseTruncated: true }),
      makeInvocationDetail(6),
    ]);
    await select(5);
    openTab('Response');
    expect(screen.getByTestId('response-truncated').textContent).toMatch(/first 64 KiB/);
    await select(6);
    openTab('Response');
    expect(screen.queryByTestId('response-truncated')).toBeNull();
  });

  it('keeps the other tabs working; JSON says why a body-less hit has no JSON', async () => {
    const form = makeInvocationDetail(4);
    const formBody = 'answer=yes';
    const { select } = await showDeliveries([
      makeDetail(1),
      makeInvocationDetail(2),
      {
        ...form,
        method: 'POST',
        headers: [['Content-Type', 'application/x-www-form-urlencoded']],
        body: { base64: btoa(formBody), text: formBody, omitted: false },
      },
    ]);
    await select(2);
    openTab('JSON');
    expect(screen.getByTestId('json-invalid').textContent).toMatch(/had no body/);
    openTab('Headers');
    expect(screen.getByTestId('headers-table').textContent).toContain('Host');
    openTab('Response');
    expect(screen.getByTestId('detail-response').textContent).toContain('{"status":"success"}');

    await select(4);
    openTab('JSON');
    expect(screen.getByTestId('json-invalid').textContent).toMatch(/form data, not JSON/);
    expect(screen.getByTestId('raw-body').textContent).toBe(formBody);

    // On the Invocation tab, a plain delivery shows its Summary, and the next invocation its Invocation again.
    openTab('Invocation');
    await select(1);
    expect(tabNames()).not.toContain('Invocation');
    expect(screen.getByTestId('detail-summary')).toBeTruthy();
    await select(2);
    expect(screen.getByTestId('detail-tab-invocation')).toBeTruthy();
  });
});

describe('signed-link problem badges', () => {
  const LINK_PROBLEMS: Problem[] = ['invalid-link', 'expired-link', 'unknown-command', 'command-error'];

  it('have a label and an explanation', () => {
    expect(LINK_PROBLEMS.map((problem) => PROBLEMS[problem].label)).toEqual([
      'Invalid link',
      'Expired link',
      'Unknown command',
      'Command error',
    ]);
    for (const problem of LINK_PROBLEMS) {
      render(<ProblemBadge problem={problem} />);
      const badge = screen.getAllByTestId('problem-badge').at(-1) as HTMLElement;
      expect(badge.dataset.problem).toBe(problem);
      expect(badge.getAttribute('title')?.length).toBeGreaterThan(20);
    }
  });

  it('shows on a row', async () => {
    const failed = makeInvocationDetail(5, {
      outcome: 'error',
      reason: 'ReferenceError: foo is not defined',
    });
    await showDeliveries([{ ...failed, problem: 'command-error' }]);
    const row = screen.getByTestId('delivery-row');
    expect(within(row).getByTestId('problem-badge').textContent).toBe('Command error');
    expect(makeItem(1).problem).toBeNull();
  });
});
