import type { Command, TryCommandResult } from '@contract';
import { COMMAND_BODY_MAX } from '@contract/link-rules';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DataClient } from '../../api';
import { type CallError, localError, toCallError } from '../../api/callError';
import { coalesce } from '../../shared/coalesce';
import { commandNameProblem } from './commandName';

/** What a new command starts with: a working example beats an empty box. */
export const NEW_COMMAND_BODY = [
  '// Runs for one user each time their signed link is opened.',
  "console.log('opened by', user, 'with', options, params);",
  "Api.sendMessage({ text: 'You opened the link.' });",
  'res.json({ ok: true });',
  '',
].join('\n');

export interface CommandsState {
  items: Command[];
  /** True once a list has arrived: an empty `items` then really means none. */
  loaded: boolean;
  loadError: CallError | null;
  /** The saved command the editor holds; null while writing a new one. */
  openName: string | null;
  name: string;
  body: string;
  busy: 'save' | 'delete' | null;
  /** Why the last save or delete was refused: by the rules here, or the server's words. */
  formError: CallError | null;
  /** Whom "Run with a sample user" runs the editor's body for, and with which options (JSON text). */
  sample: { userId: string; options: string };
  trying: boolean;
  /** What the last sample run answered, or why it could not run. */
  tryResult: TryCommandResult | null;
  tryError: CallError | null;
  /** Reads the list and follows `commands.changed`; every panel that shows commands calls it on mount. */
  start(): void;
  stop(): void;
  reload(): void;
  open(name: string): void;
  startNew(): void;
  setName(name: string): void;
  setBody(body: string): void;
  /** Saves the editor under its name (creating or replacing); resolves to false when refused. */
  save(): Promise<boolean>;
  /** Deletes the open command; resolves to false when refused. */
  remove(): Promise<boolean>;
  setSample(patch: Partial<CommandsState['sample']>): void;
  /** Runs the editor's body (saved or not) once for the sample user, without a link; nothing is sent. */
  tryRun(): Promise<void>;
}

export type CommandsStore = StoreApi<CommandsState>;

/** Whether the editor holds something that saving would change. */
export function hasUnsavedChanges(state: CommandsState): boolean {
  if (state.openName === null) return state.name !== '' || state.body !== NEW_COMMAND_BODY;
  const saved = state.items.find((item) => item.name === state.openName);
  return saved === undefined || saved.name !== state.name || saved.body !== state.body;
}

const byName = (a: Command, b: Command) => a.name.localeCompare(b.name);

export function createCommandsStore(client: DataClient): CommandsStore {
  let unsubscribe: Array<() => void> = [];
  // Two views (Commands and Signed links) show the list; the subscription lives while either is mounted.
  let users = 0;

  return createStore<CommandsState>()((set, get) => {
    // Coalesced: the event that follows our own save must not race the read the save started.
    const load = coalesce(async () => {
      try {
        const { items } = await client.call('commands.list', {});
        const state = get();
        const before = state.items.find((item) => item.name === state.openName);
        const after = items.find((item) => item.name === state.openName);
        const untouched = before !== undefined && before.body === state.body && before.name === state.name;
        set({
          items: [...items].sort(byName),
          loaded: true,
          loadError: null,
          // Changed elsewhere (the CLI, another window): follow it unless there are edits here to keep.
          ...(after !== undefined && untouched ? { body: after.body } : {}),
          // Deleted elsewhere: the editor keeps its text as a new command, so Save brings it back.
          ...(state.openName !== null && after === undefined ? { openName: null } : {}),
        });
      } catch (error) {
        set({ loadError: toCallError(error) });
      }
    });

    return {
      items: [],
      loaded: false,
      loadError: null,
      openName: null,
      name: '',
      body: NEW_COMMAND_BODY,
      busy: null,
      formError: null,
      sample: { userId: '42', options: '' },
      trying: false,
      tryResult: null,
      tryError: null,

      start() {
        users += 1;
        if (users > 1) return;
        unsubscribe = [
          client.on('commands.changed', () => void load()),
          // A `commands.changed` may have been pushed while the stream was down.
          client.onReconnect(() => void load()),
        ];
        void load();
      },

      stop() {
        users = Math.max(0, users - 1);
        if (users > 0) return;
        for (const stop of unsubscribe) stop();
        unsubscribe = [];
      },

      reload: () => void load(),

      open(name) {
        const command = get().items.find((item) => item.name === name);
        if (command === undefined) return;
        set({ openName: command.name, name: command.name, body: command.body, formError: null });
      },

      startNew: () => set({ openName: null, name: '', body: NEW_COMMAND_BODY, formError: null }),
      setName: (name) => set({ name, formError: null }),
      setBody: (body) => set({ body }),

      async save() {
        const { name, body, busy } = get();
        // The buttons are disabled meanwhile; a double Ctrl+S must not race the first save.
        if (busy !== null) return false;
        const problem =
          commandNameProblem(name) ??
          (body.length > COMMAND_BODY_MAX
            ? `The body has ${body.length.toLocaleString('en-US')} characters; at most ${COMMAND_BODY_MAX.toLocaleString('en-US')}.`
            : null);
        if (problem !== null) {
          set({ formError: localError(problem) });
          return false;
        }
        set({ busy: 'save', formError: null });
        try {
          const saved = await client.call('commands.save', { name, body });
          set((state) => ({
            busy: null,
            openName: saved.name,
            items: [...state.items.filter((item) => item.name !== saved.name), saved].sort(byName),
          }));
          void load();
          return true;
        } catch (error) {
          set({ busy: null, formError: toCallError(error) });
          return false;
        }
      },

      setSample: (patch) => set((state) => ({ sample: { ...state.sample, ...patch } })),

      async tryRun() {
        const { body, sample, trying } = get();
        if (trying) return;
        const userId = sample.userId.trim();
        if (userId === '') {
          set({ tryError: localError('Give the id of the user to run it for.'), tryResult: null });
          return;
        }
        set({ trying: true, tryError: null });
        try {
          const result = await client.call('commands.tryRun', {
            body,
            userId,
            ...(sample.options.trim() === '' ? {} : { options: sample.options }),
          });
          set({ trying: false, tryResult: result });
        } catch (error) {
          set({ trying: false, tryResult: null, tryError: toCallError(error) });
        }
      },

      async remove() {
        const { openName, busy } = get();
        if (busy !== null) return false;
        if (openName === null) {
          get().startNew();
          return true;
        }
        set({ busy: 'delete', formError: null });
        try {
          await client.call('commands.delete', { name: openName });
          set((state) => ({
            busy: null,
            items: state.items.filter((item) => item.name !== openName),
            openName: null,
            name: '',
            body: NEW_COMMAND_BODY,
          }));
          void load();
          return true;
        } catch (error) {
          set({ busy: null, formError: toCallError(error) });
          return false;
        }
      },
    };
  });
}
