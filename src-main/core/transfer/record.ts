import { DeliveryRecord } from '@contract';
import type { NewDelivery } from '../deliveries/records';
import type { StoredDelivery } from '../deliveries/store';
import { toDetail } from '../deliveries/to-contract';
import { maskHeaders, maskQuery } from './mask';

export type { DeliveryRecord };

export interface RecordOptions {
  /** Also mask `sig` of signed-link hits, so an export cannot be used to run their commands again. */
  maskLinkSignatures?: boolean;
}

/** A stored delivery as one export record: lossless (body bytes as base64), credentials masked. */
export function toRecord(row: StoredDelivery, options: RecordOptions = {}): DeliveryRecord {
  const detail = toDetail(row);
  return {
    format: 'bwi-delivery/1',
    receivedAt: detail.receivedAt,
    inbox: detail.inbox,
    method: detail.method,
    path: detail.path,
    query: maskQuery(detail.query, options.maskLinkSignatures === true && detail.invocation !== null),
    headers: maskHeaders(detail.headers),
    remoteAddress: detail.remoteAddress,
    bodyBase64: detail.body.base64,
    bodySize: detail.bodySize,
    bodyOmitted: detail.body.omitted,
    responseStatus: detail.responseStatus,
    responseBody: detail.response.body,
    problem: detail.problem,
    summary: detail.summary,
    invocation: detail.invocation,
  };
}

/** Thrown for a value that is not a valid record; the message names the field. */
export class RecordError extends Error {}

/**
 * A record from a file back into what the store inserts. Parsed with the
 * contract's schema first: nothing unchecked reaches the database or the UI.
 */
export function fromRecord(value: unknown, inboxOverride?: string): NewDelivery {
  const parsed = DeliveryRecord.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new RecordError(`${where}${issue?.message ?? 'not a bwi-delivery/1 record'}`);
  }
  const r = parsed.data;
  const body = Buffer.from(r.bodyBase64, 'base64');
  return {
    receivedAt: Date.parse(r.receivedAt),
    inbox: inboxOverride ?? r.inbox,
    method: r.method,
    path: r.path,
    query: r.query,
    headers: r.headers,
    remoteAddress: r.remoteAddress,
    body,
    bodySize: r.bodySize ?? body.length,
    bodyOmitted: r.bodyOmitted,
    responseStatus: r.responseStatus,
    responseBody: r.responseBody,
    problem: r.problem,
    summary: r.summary,
    invocation: r.invocation ?? undefined,
  };
}
