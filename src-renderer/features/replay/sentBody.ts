import type { DeliveryDetail, ReplayAttempt } from '@contract';

/** How the body an attempt sent relates to the original, when it was not the original bytes. */
export type BodyChange = 'renumbered' | 'edited' | 'differs';

function parsedObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * Renumbered when only update_id changed (the other fields equal as JSON),
 * edited otherwise; `differs` for attempts stored before the sent body was
 * kept, which cannot tell.
 */
export function bodyChange(original: string | null, sentBody: string | null): BodyChange {
  if (sentBody === null || original === null) return 'differs';
  const before = parsedObject(original);
  const after = parsedObject(sentBody);
  if (before === null || after === null || !('update_id' in before)) return 'edited';
  const { update_id: oldId, ...restBefore } = before;
  const { update_id: newId, ...restAfter } = after;
  return oldId !== newId && JSON.stringify(restBefore) === JSON.stringify(restAfter)
    ? 'renumbered'
    : 'edited';
}

/** The body text the attempt sent: what it kept, or the original's when it sent the original bytes. */
export function sentBodyText(delivery: DeliveryDetail, attempt: ReplayAttempt): string | null {
  return attempt.sentBody ?? (delivery.body.omitted ? null : delivery.body.text);
}
