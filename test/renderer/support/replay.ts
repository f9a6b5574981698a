import type { InboxSettings, ReplayAttempt, ReplayProgress, TransferProgress } from '@contract';

/** SHA-256 of makeDetail(3)'s body, `{"update_id":3,"text":"message 3"}`, worked out outside the renderer. */
export const DETAIL_3_BODY_SHA256 = '4bd8e311b47adad0f67281b86e21a6906252de080bdec238c79d18cb5f5398a2';

export function makeAttempt(id: number, overrides: Partial<ReplayAttempt> = {}): ReplayAttempt {
  return {
    id,
    deliveryId: 3,
    jobId: `job-${id}`,
    target: 'http://127.0.0.1:8000/webhook',
    status: 200,
    error: null,
    durationMs: 12,
    responseHeaders: [['content-type', 'application/json']],
    responseBody: '{"ok":true}',
    responseTruncated: false,
    sentBodySha256: DETAIL_3_BODY_SHA256,
    sentHeaders: [['content-type', 'application/json']],
    sentBody: null,
    sentAt: '2024-01-01T12:00:00.000Z',
    ...overrides,
  };
}

export function makeReplayProgress(overrides: Partial<ReplayProgress> = {}): ReplayProgress {
  return { jobId: 'job-1', total: 3, done: 0, failed: 0, failedIds: [], state: 'running', ...overrides };
}

export function makeTransferProgress(overrides: Partial<TransferProgress> = {}): TransferProgress {
  return {
    jobId: 'transfer-1',
    kind: 'export',
    state: 'running',
    done: 0,
    total: 3,
    imported: 0,
    skipped: 0,
    file: null,
    error: null,
    ...overrides,
  };
}

export function makeInboxSettings(overrides: Partial<InboxSettings> = {}): InboxSettings {
  return {
    inbox: 'default',
    forwarding: null,
    rule: null,
    ruleHits: 0,
    retention: { keepCount: null, keepDays: null },
    secretCheck: null,
    ...overrides,
  };
}
