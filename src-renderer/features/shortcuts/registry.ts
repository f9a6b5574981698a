/**
 * Every keyboard shortcut of the app, in one place. Handlers ask `matches(id, event)` instead of
 * testing keys themselves, and the `?` dialog lists this table: a key changed here changes both,
 * so the list cannot drift from what the keys do.
 *
 * A key is written as KeyboardEvent.key, with modifiers before it: `Mod+Enter` (Ctrl, or ⌘ on a
 * Mac), `Shift+Tab`, `Alt+x`; `Space` is the space bar. Shift is checked only where a key names it
 * (`?` is Shift+/ on most keyboards, and the list's Space reads Shift for a range itself).
 */
export interface Shortcut {
  id: string;
  /** Where it works: the dialog groups by this. */
  panel: string;
  keys: readonly string[];
  description: string;
}

export const SHORTCUTS = [
  { id: 'help.open', panel: 'Anywhere', keys: ['?'], description: 'Show this list of shortcuts' },
  { id: 'search.focus', panel: 'Anywhere', keys: ['/'], description: 'Go to the deliveries search' },
  { id: 'dialog.close', panel: 'Anywhere', keys: ['Escape'], description: 'Close a dialog or popover' },

  { id: 'list.down', panel: 'Deliveries list', keys: ['ArrowDown', 'j'], description: 'Next delivery' },
  { id: 'list.up', panel: 'Deliveries list', keys: ['ArrowUp', 'k'], description: 'Previous delivery' },
  { id: 'list.pageDown', panel: 'Deliveries list', keys: ['PageDown'], description: 'A page down' },
  { id: 'list.pageUp', panel: 'Deliveries list', keys: ['PageUp'], description: 'A page up' },
  { id: 'list.first', panel: 'Deliveries list', keys: ['Home'], description: 'Newest delivery' },
  { id: 'list.last', panel: 'Deliveries list', keys: ['End'], description: 'Oldest loaded delivery' },
  {
    id: 'list.open',
    panel: 'Deliveries list',
    keys: ['Enter'],
    description: 'Open the selected delivery in the detail pane',
  },
  {
    id: 'list.tick',
    panel: 'Deliveries list',
    keys: ['Space'],
    description: 'Tick the open row for a bulk action (with Shift: a range)',
  },
  {
    id: 'list.follow',
    panel: 'Deliveries list',
    keys: ['f'],
    description: 'Pause the live list, or follow the newest again',
  },

  { id: 'search.apply', panel: 'Search', keys: ['Enter'], description: 'Search now' },
  {
    id: 'search.leave',
    panel: 'Search',
    keys: ['Escape'],
    description: 'Clear the search, back to the list',
  },

  { id: 'replayTarget.save', panel: 'Replay dialog', keys: ['Enter'], description: 'Save a target’s name' },
  {
    id: 'replayTarget.cancel',
    panel: 'Replay dialog',
    keys: ['Escape'],
    description: 'Stop naming a target, keeping its name',
  },

  {
    id: 'resize.narrower',
    panel: 'Splitter and column edges',
    keys: ['ArrowLeft'],
    description: 'Narrower (the list, or the column)',
  },
  { id: 'resize.wider', panel: 'Splitter and column edges', keys: ['ArrowRight'], description: 'Wider' },

  { id: 'tabs.previous', panel: 'Detail tabs', keys: ['ArrowLeft'], description: 'Previous tab' },
  { id: 'tabs.next', panel: 'Detail tabs', keys: ['ArrowRight'], description: 'Next tab' },

  { id: 'tree.down', panel: 'JSON tree', keys: ['ArrowDown'], description: 'Next line' },
  { id: 'tree.up', panel: 'JSON tree', keys: ['ArrowUp'], description: 'Previous line' },
  { id: 'tree.first', panel: 'JSON tree', keys: ['Home'], description: 'First line' },
  { id: 'tree.last', panel: 'JSON tree', keys: ['End'], description: 'Last line' },
  {
    id: 'tree.open',
    panel: 'JSON tree',
    keys: ['ArrowRight'],
    description: 'Open an object or list, or go to its first item',
  },
  { id: 'tree.close', panel: 'JSON tree', keys: ['ArrowLeft'], description: 'Close it, or go to its parent' },
  { id: 'tree.copyValue', panel: 'JSON tree', keys: ['c'], description: 'Copy the value' },
  { id: 'tree.copyPath', panel: 'JSON tree', keys: ['p'], description: 'Copy the path (message.from.id)' },

  { id: 'compose.send', panel: 'Compose', keys: ['Mod+Enter'], description: 'Send the message' },

  { id: 'commands.save', panel: 'Commands', keys: ['Mod+s'], description: 'Save the command' },
  { id: 'commands.indent', panel: 'Commands', keys: ['Tab'], description: 'Indent the line or selection' },
  { id: 'commands.outdent', panel: 'Commands', keys: ['Shift+Tab'], description: 'Outdent' },
  {
    id: 'commands.leave',
    panel: 'Commands',
    keys: ['Escape'],
    description: 'Then Tab: leave the editor instead of indenting',
  },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

const byId = new Map<string, Shortcut>(SHORTCUTS.map((shortcut) => [shortcut.id, shortcut]));

export function shortcut(id: ShortcutId): Shortcut {
  return byId.get(id) as Shortcut;
}

function matchesKey(spec: string, event: KeyEventLike): boolean {
  const parts = spec.split('+');
  // "+" itself would be written "Shift+=" on most keyboards; no shortcut here uses it.
  const key = parts.pop() ?? '';
  const mods = new Set(parts);
  const wanted = key === 'Space' ? ' ' : key;
  const sameKey =
    wanted.length === 1 ? event.key.toLowerCase() === wanted.toLowerCase() : event.key === wanted;
  if (!sameKey) return false;
  if (mods.has('Mod') !== (event.ctrlKey || event.metaKey)) return false;
  if (mods.has('Alt') !== event.altKey) return false;
  if (mods.has('Shift') && !event.shiftKey) return false;
  // A letter typed with Shift is another character (J is not j) unless the spec says Shift.
  if (!mods.has('Shift') && /^[a-z]$/i.test(wanted) && event.shiftKey) return false;
  return true;
}

/** Whether a key event is this shortcut (any of its keys). */
export function matches(id: ShortcutId, event: KeyEventLike): boolean {
  return shortcut(id).keys.some((spec) => matchesKey(spec, event));
}

/** How a key is shown in the dialog: `Ctrl/⌘ + Enter`, `↓`, `Space`. */
export function keyLabel(spec: string): string {
  const names: Record<string, string> = {
    ArrowDown: '↓',
    ArrowUp: '↑',
    ArrowLeft: '←',
    ArrowRight: '→',
    Mod: 'Ctrl/⌘',
    Escape: 'Esc',
  };
  return spec
    .split('+')
    .map((part) => names[part] ?? part)
    .join(' + ');
}

/** Where a typed key is text (or belongs to an open dialog), not an app-wide shortcut. */
const TYPING_TARGETS =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), dialog, [role="dialog"]';

export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING_TARGETS) !== null;
}
