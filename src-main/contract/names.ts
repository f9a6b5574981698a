// Method and event names without their schemas, so the preload can check a
// channel name without bundling zod. `methods.ts` is held to this list, in
// its order: grouped by feature as the method table is assembled.
export const METHOD_NAMES = [
  'app.info',
  'app.status',
  'app.whoami',
  'deliveries.list',
  'deliveries.get',
  'deliveries.delete',
  'deliveries.countMatching',
  'deliveries.deleteMatching',
  'inboxes.clear',
  'inboxes.delete',
  'inboxes.list',
  'inboxes.create',
  'inboxes.settings',
  'inboxes.configure',
  'inboxes.retentionCount',
  'app.storage',
  'profiles.list',
  'profiles.create',
  'profiles.update',
  'profiles.delete',
  'webhook.info',
  'webhook.check',
  'webhook.set',
  'webhook.delete',
  'messages.send',
  'messages.history',
  'logs.list',
  'sandbox.info',
  'sandbox.chats',
  'sandbox.messages',
  'sandbox.say',
  'sandbox.press',
  'sandbox.edit',
  'sandbox.send',
  'capture.start',
  'capture.stop',
  'capture.list',
  'commands.list',
  'commands.save',
  'commands.delete',
  'commands.tryRun',
  'links.sign',
  'links.verify',
  'links.keys',
  'links.rotateKey',
  'links.retireKey',
  'links.defaults',
  'links.setDefaults',
  'replay.start',
  'replay.cancel',
  'replay.attempts',
  'replay.targets',
  'replay.nameTarget',
  'replay.forgetTarget',
  'export.start',
  'export.list',
  'export.delete',
  'import.start',
  'people.list',
  'people.add',
  'people.revoke',
  'audit.list',
  'audit.export',
  'workspaces.list',
  'workspaces.add',
  'workspaces.remove',
  'workspaces.open',
] as const;

export const EVENT_NAMES = [
  'delivery.added',
  'deliveries.deleted',
  'inboxes.changed',
  'sandbox.changed',
  'commands.changed',
  'replay.progress',
  'transfer.progress',
  'store.status',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name);
}
