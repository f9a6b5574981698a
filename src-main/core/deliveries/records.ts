import type { Problem, Summary } from '@contract';

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
}

export const LIST_COLUMNS = `id, received_at, inbox, method, path, response_status, problem, duplicate_of,
  body_size, platform, kind, update_id, user_id, user_name, user_username, user_language, chat_id, chat_type, text`;
