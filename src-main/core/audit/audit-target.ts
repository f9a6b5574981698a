/** Longest piece of a target taken from a caller's input: the log names things, it does not copy input. */
const MAX_PART = 64;

/** What a call's `name` and `id` fields name, by the method's family. */
const NAMED: Record<string, { noun: string; quoted: boolean }> = {
  inboxes: { noun: 'inbox', quoted: false },
  commands: { noun: 'command', quoted: false },
  profiles: { noun: 'profile', quoted: true },
  people: { noun: 'person', quoted: true },
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isId = (value: unknown): value is number | string =>
  (typeof value === 'number' && Number.isSafeInteger(value)) ||
  (typeof value === 'string' && value.trim() !== '');

/** A caller's text, cut short; quoted (JSON, so control characters show escaped) when it is free text. */
function text(value: number | string, quoted: boolean): string {
  const short = String(value).slice(0, MAX_PART);
  return quoted ? JSON.stringify(short) : JSON.stringify(short).slice(1, -1);
}

/**
 * What a call acted on, as its input names it, for the audit log: `profile
 * 3`, `inbox shop`, `delivery 42`, `3 deliveries`, `person 5`, `command
 * hello`, `profile 3, chat 42`… Null when the input names nothing. The
 * input may be anything (a refused call's input was never validated), and
 * only names and ids are taken from it, never texts, bodies or secrets.
 */
export function auditTarget(method: string, input: unknown): string | null {
  if (!isRecord(input)) return null;
  const family = method.split('.')[0] ?? '';
  const named = NAMED[family];
  const parts: string[] = [];
  const { deliveryIds, filter, command, name, id, profileId, kid, inbox, chatId, userId, jobId, file } =
    input;

  if (Array.isArray(deliveryIds)) {
    const [first] = deliveryIds;
    parts.push(
      deliveryIds.length === 1 && isId(first)
        ? `delivery ${text(first, false)}`
        : `${deliveryIds.length} ${deliveryIds.length === 1 ? 'delivery' : 'deliveries'}`,
    );
  } else if (isRecord(filter)) {
    parts.push('deliveries matching a filter');
  } else if (method === 'export.start') {
    parts.push('all deliveries');
  }
  if (isId(command)) parts.push(`command ${text(command, false)}`);
  // A `name` elsewhere (sandbox.say's simulated user) is not what the call acts on.
  if (named && isId(name)) parts.push(`${named.noun} ${text(name, named.quoted)}`);
  if (named && isId(id)) parts.push(`${named.noun} ${text(id, false)}`);
  if (isId(profileId)) parts.push(`profile ${text(profileId, false)}`);
  if (isId(kid)) parts.push(`key ${text(kid, false)}`);
  if (isId(inbox)) parts.push(`inbox ${text(inbox, false)}`);
  if (isId(chatId)) parts.push(`chat ${text(chatId, false)}`);
  if (isId(userId)) parts.push(`user ${text(userId, false)}`);
  if (isId(jobId)) parts.push(`job ${text(jobId, false)}`);
  if (isId(file)) parts.push(`file ${text(file, false)}`);
  return parts.length === 0 ? null : parts.join(', ');
}
