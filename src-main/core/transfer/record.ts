import type { DeliveryListItem, Invocation, Problem, Summary } from '@contract';
import type { DeliveryRow, NewDelivery } from '../deliveries/records';
import { toDetail } from '../deliveries/to-contract';

/** One NDJSON line: a delivery, lossless (body bytes as base64), secrets masked. */
export interface DeliveryRecord {
  format: 'bwi-delivery/1';
  receivedAt: string;
  inbox: string;
  method: string;
  path: string;
  query: string;
  headers: Array<[string, string]>;
  remoteAddress: string | null;
  bodyBase64: string;
  bodySize: number;
  bodyOmitted: boolean;
  responseStatus: number;
  responseBody: string;
  problem: Problem | null;
  summary: Summary;
  invocation: Invocation | null;
}

/** Header values that are credentials: an export must not carry them. */
const SECRET_HEADERS = new Set([
  'authorization',
  'x-telegram-bot-api-secret-token',
  'cookie',
  'proxy-authorization',
]);
export const MASK = '***';

export function maskHeaders(headers: Array<[string, string]>): Array<[string, string]> {
  return headers.map(([k, v]) => [k, SECRET_HEADERS.has(k.toLowerCase()) ? MASK : v]);
}

export function toRecord(row: DeliveryRow): DeliveryRecord {
  const detail = toDetail(row);
  return {
    format: 'bwi-delivery/1',
    receivedAt: detail.receivedAt,
    inbox: detail.inbox,
    method: detail.method,
    path: detail.path,
    query: detail.query,
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

/** A record back into what the store inserts; refuses what is not one. */
export function fromRecord(value: unknown, inboxOverride?: string): NewDelivery {
  const r = value as Partial<DeliveryRecord>;
  if (typeof value !== 'object' || value === null || r.format !== 'bwi-delivery/1') {
    throw new Error('not a bwi-delivery/1 record');
  }
  const receivedAt = Date.parse(String(r.receivedAt));
  if (!Number.isFinite(receivedAt)) throw new Error('receivedAt is not a time');
  if (
    typeof r.bodyBase64 !== 'string' ||
    !Array.isArray(r.headers) ||
    typeof r.summary !== 'object' ||
    r.summary === null
  ) {
    throw new Error('a field is missing');
  }
  const body = Buffer.from(r.bodyBase64, 'base64');
  return {
    receivedAt,
    inbox: inboxOverride ?? String(r.inbox ?? 'default'),
    method: String(r.method ?? 'POST'),
    path: String(r.path ?? '/webhook'),
    query: String(r.query ?? ''),
    headers: r.headers.map(([k, v]) => [String(k), String(v)] as [string, string]),
    remoteAddress: r.remoteAddress ?? null,
    body,
    bodySize: Number(r.bodySize ?? body.length),
    bodyOmitted: Boolean(r.bodyOmitted),
    responseStatus: Number(r.responseStatus ?? 200),
    responseBody: String(r.responseBody ?? ''),
    problem: (r.problem ?? null) as Problem | null,
    summary: r.summary as Summary,
    invocation: (r.invocation ?? undefined) as Invocation | undefined,
  };
}

export type { DeliveryListItem };
