import { type AuditEntry, ContractError, type Input } from '@contract';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditPanel } from '../../../src-renderer/features/audit/AuditPanel';
import { EMPTY_AUDIT_FILTER, toAuditFilter } from '../../../src-renderer/features/audit/auditFilter';
import { AUDIT_PAGE_SIZE } from '../../../src-renderer/features/audit/store';
import { change, renderApp } from '../support/app';
import { createFakeClient, type Handlers, settle } from '../support/fakeClient';
import { fakeFileRoutes } from '../support/files';
import { installFakeLayout } from '../support/layout';
import { renderWithStores } from '../support/render';
import { LOCAL_WHOAMI, makeAuditEntry, makePerson, teamWhoami } from '../support/team';

installFakeLayout();
afterEach(cleanup);

/** A log of `count` entries, ids 1..count, answered newest first and paged by `before` as the server does. */
function auditServer(count: number, handlers: Handlers = {}) {
  const log: AuditEntry[] = [];
  for (let id = 1; id <= count; id++) {
    log.push(makeAuditEntry(id, id % 3 === 0 ? { outcome: 'error', error: 'conflict: busy' } : {}));
  }
  return createFakeClient(
    {
      'people.list': () => ({
        items: [
          makePerson(7, { name: 'Ada', role: 'operator' }),
          makePerson(8, { name: 'Bob', revokedAt: '2026-02-01T00:00:00.000Z' }),
        ],
      }),
      'audit.list': (input: Input<'audit.list'>) => {
        const matching = log
          .filter((entry) => input.outcome === undefined || entry.outcome === input.outcome)
          .sort((a, b) => b.id - a.id);
        const older = matching.filter((entry) => input.before === undefined || entry.id < input.before);
        return { items: older.slice(0, input.limit ?? 200), total: matching.length };
      },
      'audit.export': () => ({ file: 'audit-2026-01-01.ndjson' }),
      ...handlers,
    },
    { files: fakeFileRoutes().files },
  );
}

async function setup(fake = auditServer(3)) {
  const view = renderWithStores(fake.client, () => <AuditPanel />);
  act(() => view.stores.app.setState({ whoami: teamWhoami('admin') }));
  await act(settle);
  return { fake, ...view };
}

const ids = () => screen.getAllByTestId('audit-row').map((row) => Number(row.dataset.id));

describe('toAuditFilter', () => {
  it('leaves out what is "any" and sends local times as instants', () => {
    expect(toAuditFilter(EMPTY_AUDIT_FILTER)).toEqual({ ok: true, filter: {} });
    const from = '2026-01-01T10:00';
    const result = toAuditFilter({ personId: '7', method: 'replay.start', outcome: 'error', from, to: '' });
    expect(result).toEqual({
      ok: true,
      filter: { personId: 7, method: 'replay.start', outcome: 'error', from: new Date(from).toISOString() },
    });
  });

  it('refuses a range that ends before it starts', () => {
    expect(
      toAuditFilter({ ...EMPTY_AUDIT_FILTER, from: '2026-01-02T00:00', to: '2026-01-01T00:00' }),
    ).toMatchObject({ ok: false, field: 'to' });
  });
});

describe('Audit panel', () => {
  it('lists the log newest first with who, what, on what and how it ended', async () => {
    await setup();
    expect(ids()).toEqual([3, 2, 1]);
    const newest = screen.getAllByTestId('audit-row')[0] as HTMLElement;
    expect(newest.textContent).toContain('Ada (operator)');
    expect(newest.textContent).toContain('replay.start');
    expect(newest.textContent).toContain('delivery 3');
    expect(newest.textContent).toContain('error: conflict: busy');
    expect(screen.getByTestId('audit-count').textContent).toBe('3 of 3 entries');
  });

  it('pages back with the id of the oldest entry shown', async () => {
    const { fake } = await setup(auditServer(AUDIT_PAGE_SIZE + 20));
    expect(ids()).toHaveLength(AUDIT_PAGE_SIZE);
    fireEvent.click(screen.getByTestId('audit-older'));
    await act(settle);
    expect(fake.calls('audit.list')[1]?.input).toEqual({ limit: AUDIT_PAGE_SIZE, before: 21 });
    expect(ids()).toHaveLength(AUDIT_PAGE_SIZE + 20);
    expect(ids().at(-1)).toBe(1);
    expect(screen.queryByTestId('audit-older')).toBeNull();
  });

  it('filters by person, method, outcome and time, reading from the newest again', async () => {
    const { fake } = await setup();
    const personOptions = [...(screen.getByTestId('audit-filter-person') as HTMLSelectElement).options];
    expect(personOptions.map((option) => option.textContent)).toEqual(['anyone', 'Ada', 'Bob (revoked)']);

    change('audit-filter-outcome', 'error');
    await act(settle);
    expect(ids()).toEqual([3]);
    change('audit-filter-person', '7');
    change('audit-filter-method', 'people.revoke');
    change('audit-filter-from', '2026-01-01T00:00');
    await act(settle);
    expect(fake.calls('audit.list').at(-1)?.input).toEqual({
      personId: 7,
      method: 'people.revoke',
      outcome: 'error',
      from: new Date('2026-01-01T00:00').toISOString(),
      limit: AUDIT_PAGE_SIZE,
    });
  });

  it('keeps the list when the time range is wrong, and says why', async () => {
    const { fake } = await setup();
    const reads = fake.calls('audit.list').length;
    change('audit-filter-from', '2026-01-02T00:00');
    change('audit-filter-to', '2026-01-01T00:00');
    expect(screen.getByTestId('audit-filter-problem').textContent).toMatch(/before its start/);
    expect(screen.getByTestId('audit-filter-to').getAttribute('aria-invalid')).toBe('true');
    await act(settle);
    // Only the valid "from" was read; the bad range was not sent.
    expect(fake.calls('audit.list').length).toBe(reads + 1);
    expect(ids()).toEqual([3, 2, 1]);
  });

  it('exports the filtered log and offers its download like an export', async () => {
    const { fake } = await setup();
    change('audit-filter-outcome', 'ok');
    await act(settle);
    fireEvent.click(screen.getByTestId('audit-export'));
    await act(settle);
    expect(fake.calls('audit.export')[0]?.input).toEqual({ outcome: 'ok' });
    const link = screen.getByTestId('audit-download') as HTMLAnchorElement;
    expect(link.textContent).toBe('Download audit-2026-01-01.ndjson');
    expect(new URL(link.href).pathname).toBe('/downloads/audit-2026-01-01.ndjson');
  });

  it("shows the server's refusal where the export was asked for", async () => {
    await setup(
      auditServer(1, {
        'audit.export': () => {
          throw new ContractError('unavailable', 'The exports quota is full.');
        },
      }),
    );
    fireEvent.click(screen.getByTestId('audit-export'));
    await act(settle);
    expect(screen.getByTestId('audit-export-error').textContent).toBe('The exports quota is full.');
  });
});

describe('People and Audit log in the navigation', () => {
  it('are shown to an admin on a team server only', async () => {
    const base = auditServer(1);
    const extra = { 'people.list': base.handlers['people.list'], 'audit.list': base.handlers['audit.list'] };
    for (const [whoami, shown] of [
      [teamWhoami('admin'), true],
      [teamWhoami('operator'), false],
      [LOCAL_WHOAMI, false],
    ] as const) {
      await renderApp({ 'app.whoami': () => whoami, ...extra });
      expect(screen.queryByTestId('nav-audit') !== null, whoami.person?.role ?? 'local').toBe(shown);
      expect(screen.queryByTestId('nav-people') !== null).toBe(shown);
      if (shown) {
        fireEvent.click(screen.getByTestId('nav-audit'));
        await act(settle);
        expect(ids()).toEqual([1]);
      }
      cleanup();
    }
  });
});
