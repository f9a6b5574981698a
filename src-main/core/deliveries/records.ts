import type { Invocation, Problem, Summary } from '@contract';

/** What a signed-link hit did, stored beside its delivery row. */
export type InvocationRecord = Invocation;

/** A delivery as the receiver hands it to the store, before it has an id. */
export interface NewDelivery {
  receivedAt: number;
  inbox: string;
  method: string;
  path: string;
  query: string;
  headers: Array<[string, string]>;
  remoteAddress: string | null;
  body: Buffer;
  bodySize: number;
  bodyOmitted: boolean;
  responseStatus: number;
  responseBody: string;
  problem: Problem | null;
  summary: Summary;
  /** Only for signed-link hits. */
  invocation?: InvocationRecord | undefined;
}

/** Columns read for the list: everything but the heavy ones. */
export interface DeliveryListRow {
  id: number;
  received_at: number;
  inbox: string;
  method: string;
  path: string;
  response_status: number;
  problem: string | null;
  duplicate_of: number | null;
  body_size: number;
  platform: string;
  kind: string;
  update_id: number | null;
  user_id: number | string | null;
  user_name: string | null;
  user_username: string | null;
  user_language: string | null;
  chat_id: number | string | null;
  chat_type: string | null;
  text: string | null;
}

export interface DeliveryRow extends DeliveryListRow {
  query: string;
  headers: string;
  remote_address: string | null;
  body: Buffer;
  body_omitted: number;
  response_body: string;
  /** From the invocations table: null unless the row is a signed-link hit. */
  inv_outcome: string | null;
  inv_profile_id: number | null;
  inv_command: string | null;
  inv_user_id: string | null;
  inv_options: string | null;
  inv_params: string | null;
  inv_reason: string | null;
  inv_check: string | null;
  inv_logs: string | null;
  inv_sent: string | null;
  inv_duration_ms: number | null;
  inv_response_truncated: number | null;
}

/** The user columns of a user's latest platform delivery. */
export interface SeenUserRow {
  id: number;
  received_at: number;
  user_id: number | string;
  user_name: string | null;
  user_username: string | null;
  user_language: string | null;
  chat_id: number | string | null;
  chat_type: string | null;
}

export const LIST_COLUMNS = `id, received_at, inbox, method, path, response_status, problem, duplicate_of,
  body_size, platform, kind, update_id, user_id, user_name, user_username, user_language, chat_id, chat_type, text`;
