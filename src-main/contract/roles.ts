import type { MethodName } from './names';

// Zod-free, like names.ts: the renderer imports this to disable what a
// person's role does not allow, and the web bridge to refuse it.

export type RoleName = 'viewer' | 'operator' | 'admin';

/**
 * The least role each method needs on a team server. `local`: the method
 * belongs to the local app (its list of team servers) and a team server
 * refuses it to everyone.
 */
export const METHOD_ROLES = {
  // Reading: everything but secrets (viewers get credential headers and tokens masked).
  'app.info': 'viewer',
  'app.status': 'viewer',
  'app.whoami': 'viewer',
  'app.storage': 'viewer',
  'deliveries.list': 'viewer',
  'deliveries.get': 'viewer',
  /** The dry run before a delete: a count, like the list's. */
  'deliveries.countMatching': 'viewer',
  'inboxes.list': 'viewer',
  'inboxes.settings': 'viewer',
  'inboxes.retentionCount': 'viewer',
  'profiles.list': 'viewer',
  'webhook.info': 'viewer',
  'webhook.check': 'viewer',
  'messages.history': 'viewer',
  'logs.list': 'viewer',
  'sandbox.info': 'viewer',
  'sandbox.chats': 'viewer',
  'sandbox.messages': 'viewer',
  'capture.list': 'viewer',
  'commands.list': 'viewer',
  'links.verify': 'viewer',
  'links.keys': 'viewer',
  'links.defaults': 'viewer',
  'replay.attempts': 'viewer',
  'replay.targets': 'viewer',
  'export.list': 'viewer',

  // Acting on deliveries: replays, replies, signed links, exports.
  'replay.start': 'operator',
  'replay.cancel': 'operator',
  'replay.nameTarget': 'operator',
  'replay.forgetTarget': 'operator',
  'messages.send': 'operator',
  'sandbox.say': 'operator',
  'sandbox.press': 'operator',
  'sandbox.edit': 'operator',
  'sandbox.send': 'operator',
  'links.sign': 'operator',
  'export.start': 'operator',
  'export.delete': 'operator',
  // Deleting deliveries: never a viewer's.
  'deliveries.delete': 'operator',
  'deliveries.deleteMatching': 'operator',
  'inboxes.clear': 'operator',

  // Configuring: profiles, webhooks, keys, inboxes and their settings, commands, imports, people.
  'inboxes.create': 'admin',
  'inboxes.configure': 'admin',
  'inboxes.delete': 'admin',
  'profiles.create': 'admin',
  'profiles.update': 'admin',
  'profiles.delete': 'admin',
  'webhook.set': 'admin',
  'webhook.delete': 'admin',
  'capture.start': 'admin',
  'capture.stop': 'admin',
  'commands.save': 'admin',
  'commands.delete': 'admin',
  /** Runs code on the server, as saving a command lets a link do. */
  'commands.tryRun': 'admin',
  'links.rotateKey': 'admin',
  'links.retireKey': 'admin',
  'links.setDefaults': 'admin',
  'import.start': 'admin',
  'people.list': 'admin',
  'people.add': 'admin',
  'people.revoke': 'admin',
  'audit.list': 'admin',
  'audit.export': 'admin',

  'workspaces.list': 'local',
  'workspaces.add': 'local',
  'workspaces.remove': 'local',
  'workspaces.open': 'local',
} as const satisfies Record<MethodName, RoleName | 'local'>;

const RANK: Record<RoleName, number> = { viewer: 0, operator: 1, admin: 2 };

/** May a person of this role call this method on a team server? */
export function roleAllows(role: RoleName, method: MethodName): boolean {
  const needed = METHOD_ROLES[method];
  return needed !== 'local' && RANK[role] >= RANK[needed];
}

/**
 * Reads that need more than a viewer: not state changes. Auditing them
 * would add an entry each time an admin opens the audit log, so its list
 * and total would change under the reader.
 */
const PRIVILEGED_READS: ReadonlySet<MethodName> = new Set<MethodName>(['people.list', 'audit.list']);

/** Calls that change state: every one is written to the audit log. */
export function changesState(method: MethodName): boolean {
  const needed = METHOD_ROLES[method];
  return (needed === 'operator' || needed === 'admin') && !PRIVILEGED_READS.has(method);
}
