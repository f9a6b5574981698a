import type { ReplayInput, ReplayProgress, ReplayTarget } from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, toCallError } from '../../api/callError';
import { laterProgress, RecentProgress } from '../../shared/jobProgress';
import type { ReplayScope } from './scope';

/** The replay started last: followed by its `replay.progress` events until it ends. */
export interface ReplayJob {
  scope: ReplayScope;
  progress: ReplayProgress;
  /** Cancel was asked for; the job says `cancelled` once its workers have stopped. */
  cancelling: boolean;
}

export interface ReplayState {
  /** What the open dialog is about; null when it is closed. */
  dialog: ReplayScope | null;
  /** Bumped by every `open`, so the dialog starts with a fresh form each time. */
  dialogKey: number;
  job: ReplayJob | null;
  starting: boolean;
  /** Why the last start or cancel failed, as the inspector said it. */
  error: CallError | null;
  /** The targets replays went to from the dialog's inbox (every inbox's when it has none), newest first. */
  targets: ReplayTarget[];
  /** Why the targets could not be read or named; the dialog works without them. */
  targetsError: CallError | null;

  /** Follows `replay.progress`; idempotent. */
  start(): void;
  stop(): void;
  /** A running job stays on screen (there is one job at a time here); an ended one makes way for the form. */
  open(scope: ReplayScope): void;
  /** Closes the dialog; a running job goes on. */
  close(): void;
  /** Shows the running job again after its dialog was closed. */
  showJob(): void;
  /** Back to the form after a job ended, for another run. */
  again(): void;
  replay(input: ReplayInput, scope: ReplayScope): Promise<boolean>;
  cancel(): Promise<void>;
  /** Reads the remembered targets of an inbox (null: of every inbox); resolves with them ([] when refused). */
  loadTargets(inbox: string | null): Promise<ReplayTarget[]>;
  /** Names (or, with null, unnames) a target; true when the inspector kept it. */
  nameTarget(target: ReplayTarget, name: string | null): Promise<boolean>;
  forgetTarget(target: ReplayTarget): Promise<void>;
}

export type ReplayStore = StoreApi<ReplayState>;

const isRunning = (job: ReplayJob | null) => job !== null && job.progress.state === 'running';

export function createReplayStore(client: DataClient): ReplayStore {
  let unsubscribe: (() => void) | null = null;
  const early = new RecentProgress<ReplayProgress>();
  /** Which inbox `targets` is of: a rename reloads the same list. */
  let targetsInbox: string | null = null;

  return createStore<ReplayState>()((set, get) => {
    const receive = (progress: ReplayProgress) => {
      const { job } = get();
      if (job === null || job.progress.jobId !== progress.jobId) {
        early.remember(progress);
        return;
      }
      const next = laterProgress(job.progress, progress);
      set({ job: { ...job, progress: next, cancelling: job.cancelling && next.state === 'running' } });
    };

    return {
      dialog: null,
      dialogKey: 0,
      job: null,
      starting: false,
      error: null,
      targets: [],
      targetsError: null,

      async loadTargets(inbox) {
        targetsInbox = inbox;
        try {
          const { items } = await client.call('replay.targets', inbox === null ? {} : { inbox });
          if (targetsInbox === inbox) set({ targets: items, targetsError: null });
          return items;
        } catch (error) {
          if (targetsInbox === inbox) set({ targets: [], targetsError: toCallError(error) });
          return [];
        }
      },

      async nameTarget(target, name) {
        try {
          await client.call('replay.nameTarget', { inbox: target.inbox, url: target.url, name });
          await get().loadTargets(targetsInbox);
          return true;
        } catch (error) {
          set({ targetsError: toCallError(error, 'Could not name the target') });
          return false;
        }
      },

      async forgetTarget(target) {
        try {
          await client.call('replay.forgetTarget', { inbox: target.inbox, url: target.url });
          await get().loadTargets(targetsInbox);
        } catch (error) {
          set({ targetsError: toCallError(error, 'Could not forget the target') });
        }
      },

      start() {
        unsubscribe ??= client.on('replay.progress', receive);
      },

      stop() {
        unsubscribe?.();
        unsubscribe = null;
      },

      open(scope) {
        set((state) => ({
          dialog: scope,
          dialogKey: state.dialogKey + 1,
          job: isRunning(state.job) ? state.job : null,
          error: null,
        }));
      },

      close: () => set({ dialog: null, error: null }),

      showJob() {
        const { job } = get();
        if (job !== null) set((state) => ({ dialog: job.scope, dialogKey: state.dialogKey + 1 }));
      },

      again() {
        if (!isRunning(get().job)) set({ job: null, error: null });
      },

      async replay(input, scope) {
        if (get().starting || isRunning(get().job)) return false;
        // Subscribed before asking, so no event of the new job can slip past.
        get().start();
        set({ starting: true, error: null });
        try {
          const answer = await client.call('replay.start', input);
          set({ starting: false, job: { scope, progress: early.settle(answer), cancelling: false } });
          return true;
        } catch (error) {
          set({ starting: false, error: toCallError(error) });
          return false;
        }
      },

      async cancel() {
        const { job } = get();
        if (job === null || !isRunning(job) || job.cancelling) return;
        set({ job: { ...job, cancelling: true }, error: null });
        try {
          const answer = await client.call('replay.cancel', { jobId: job.progress.jobId });
          receive(answer);
        } catch (error) {
          const current = get().job;
          set({
            error: toCallError(error, 'Could not cancel'),
            job: current === null ? null : { ...current, cancelling: false },
          });
        }
      },
    };
  });
}
