import type { DeliveryDetail, DeliveryListItem, Invocation, Platform, Problem } from '@contract';
import { decodeUtf8 } from '../utf8';
import type { DeliveryListRow, DeliveryRow, SeenUserRow } from './records';
import type { ReplaySource, SeenUser, StoredDelivery } from './store';

export function toListItem(row: DeliveryListRow): DeliveryListItem {
  return {
    id: row.id,
    inbox: row.inbox,
    receivedAt: new Date(row.received_at).toISOString(),
    method: row.method,
    path: row.path,
    responseStatus: row.response_status,
    updateId: row.update_id,
    problem: row.problem as Problem | null,
    duplicateOf: row.duplicate_of,
    bodySize: row.body_size,
    summary: {
      platform: row.platform as Platform,
      kind: row.kind,
      updateId: row.update_id,
      user:
        row.user_id === null
          ? null
          : {
              id: row.user_id,
              name: row.user_name,
              username: row.user_username,
              language: row.user_language,
            },
      chat: row.chat_id === null ? null : { id: row.chat_id, type: row.chat_type },
      text: row.text,
    },
  };
}

export function toSeenUser(row: SeenUserRow): SeenUser {
  return {
    user: { id: row.user_id, name: row.user_name, username: row.user_username, language: row.user_language },
    chat: row.chat_id === null ? null : { id: row.chat_id, type: row.chat_type },
  };
}

/** A stored row (both engines select the same columns) as the store hands it out. */
export function storedFromRow(row: DeliveryRow): StoredDelivery {
  const item = toListItem(row);
  return {
    id: row.id,
    receivedAt: row.received_at,
    inbox: row.inbox,
    method: row.method,
    path: row.path,
    query: row.query,
    headers: JSON.parse(row.headers) as Array<[string, string]>,
    remoteAddress: row.remote_address,
    body: row.body,
    bodySize: row.body_size,
    bodyOmitted: row.body_omitted === 1,
    responseStatus: row.response_status,
    responseBody: row.response_body,
    problem: item.problem,
    duplicateOf: row.duplicate_of,
    summary: item.summary,
    invocation: toInvocation(row),
  };
}

/** A replay's read of a row (both engines shape it alike). */
export function sourceFromRow(row: {
  id: number;
  headers: string;
  body: Buffer;
  body_omitted: number;
}): ReplaySource {
  return {
    id: row.id,
    headers: JSON.parse(row.headers) as Array<[string, string]>,
    body: row.body,
    bodyOmitted: row.body_omitted === 1,
  };
}

export function toDetail(d: StoredDelivery): DeliveryDetail {
  return {
    id: d.id,
    inbox: d.inbox,
    receivedAt: new Date(d.receivedAt).toISOString(),
    method: d.method,
    path: d.path,
    responseStatus: d.responseStatus,
    updateId: d.summary.updateId,
    problem: d.problem,
    duplicateOf: d.duplicateOf,
    bodySize: d.bodySize,
    summary: d.summary,
    query: d.query,
    headers: d.headers,
    remoteAddress: d.remoteAddress,
    body: {
      base64: d.body.toString('base64'),
      text: decodeUtf8(d.body),
      omitted: d.bodyOmitted,
    },
    response: { status: d.responseStatus, body: d.responseBody },
    invocation: d.invocation,
  };
}

function toInvocation(row: DeliveryRow): Invocation | null {
  if (row.inv_outcome === null) return null;
  return {
    profileId: row.inv_profile_id,
    command: row.inv_command,
    userId: row.inv_user_id,
    options: row.inv_options,
    params: JSON.parse(row.inv_params ?? '[]') as Array<[string, string]>,
    outcome: row.inv_outcome as Invocation['outcome'],
    reason: row.inv_reason,
    check: row.inv_check,
    logs: JSON.parse(row.inv_logs ?? '[]') as string[],
    sent: JSON.parse(row.inv_sent ?? '[]') as Invocation['sent'],
    durationMs: row.inv_duration_ms ?? 0,
    responseTruncated: row.inv_response_truncated === 1,
  };
}
