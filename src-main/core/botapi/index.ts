export { BotApiError, type BotApiErrorKind } from './errors';
export { HttpPools } from './http';
export type { BotApi, BotCredentials } from './platform';
export { redact } from './redact';
export { SOLAFON_BASE_URL, solafonApi } from './solafon';
export { TELEGRAM_BASE_URL, telegramApi } from './telegram';
export { webhookUrlProblem } from './webhook-url';
