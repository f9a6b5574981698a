import type { AuditEntry, AuditFilter, Person } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiClient, FileTransfer } from '../../api';
import { type CallError, toCallError } from '../../api/callError';
import { type AuditFilterForm, EMPTY_AUDIT_FILTER, toAuditFilter } from './auditFilter';

export const AUDIT_PAGE_SIZE = 100;

export type AuditClient = Pick<ApiClient, 'call' | 'files'>;

export interface AuditState {
  /** Where an export is downloaded from; null where the transport has no file route. */
  files: FileTransfer | null;
  form: AuditFilterForm;
  /** Why the form's filter cannot be sent; the list keeps the last good one meanwhile. */
  formProblem: { field: 'from' | 'to'; message: string } | null;
  /** Newest first; older pages are appended. */
  items: AuditEntry[];
  total: number;
  loaded: boolean;
  loading: boolean;
  error: CallError | null;
  /** Everyone who ever had a token, for the person filter (revoked people still have entries). */
  people: Person[];
  exporting: boolean;
  exported: string | null;
  exportError: CallError | null;
  start(): void;
  stop(): void;
  setForm(patch: Partial<AuditFilterForm>): void;
  reload(): void;
  loadOlder(): void;
  exportLog(): Promise<void>;
}

export type AuditStore = StoreApi<AuditState>;

/** The team server's audit log, read page by page with the filter the admin set. */
export function createAuditStore(client: AuditClient): AuditStore {
  let started = false;
  let request = 0;
  // The filter the list shows: a half-typed date does not empty it.
  let applied: AuditFilter = {};

  return createStore<AuditState>()((set, get) => {
    const load = async (older: boolean) => {
      const current = ++request;
      const before = older ? get().items.at(-1)?.id : undefined;
      set({ loading: true, ...(older ? {} : { error: null }) });
      try {
        const page = await client.call('audit.list', {
          ...applied,
          limit: AUDIT_PAGE_SIZE,
          ...(before === undefined ? {} : { before }),
        });
        if (current !== request) return;
        set((state) => ({
          items: older ? [...state.items, ...page.items] : page.items,
          total: page.total,
          loaded: true,
          loading: false,
          error: null,
        }));
      } catch (error) {
        if (current === request) set({ loading: false, error: toCallError(error) });
      }
    };

    const loadPeople = async () => {
      try {
        set({ people: (await client.call('people.list', {})).items });
      } catch {
        // The filter then offers no names; the log itself says what failed.
      }
    };

    return {
      files: client.files,
      form: EMPTY_AUDIT_FILTER,
      formProblem: null,
      items: [],
      total: 0,
      loaded: false,
      loading: false,
      error: null,
      people: [],
      exporting: false,
      exported: null,
      exportError: null,
      start() {
        if (started) return;
        started = true;
        void loadPeople();
        void load(false);
      },
      stop() {
        started = false;
        // An answer after the panel closed must not land in a store nobody shows.
        request += 1;
      },
      setForm(patch) {
        const form = { ...get().form, ...patch };
        const result = toAuditFilter(form);
        if (!result.ok) {
          set({ form, formProblem: { field: result.field, message: result.problem } });
          return;
        }
        applied = result.filter;
        // An export made with another filter no longer matches what is listed.
        set({ form, formProblem: null, exported: null, exportError: null });
        void load(false);
      },
      reload: () => void load(false),
      loadOlder() {
        const { loading, items, total } = get();
        if (!loading && items.length < total) void load(true);
      },
      async exportLog() {
        if (get().exporting) return;
        set({ exporting: true, exported: null, exportError: null });
        try {
          const { file } = await client.call('audit.export', applied);
          set({ exporting: false, exported: file });
        } catch (error) {
          set({ exporting: false, exportError: toCallError(error) });
        }
      },
    };
  });
}
