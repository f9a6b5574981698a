/** The global through which the host reads a failed run's logs. */
export const LOGS_GLOBAL = '__commandLogs';

/** Console lines kept per run, and characters per line. */
export const MAX_LOG_LINES = 200;
export const MAX_LOG_CHARS = 2000;

/**
 * Runs inside the QuickJS sandbox, before the command's body. `res`,
 * `console` and `Api` only record what the command asks for; the host reads
 * the record afterwards. No host function is exposed to the sandbox.
 */
export const PRELUDE = `
const __state = { status: null, headers: {}, kind: null, body: undefined };
const __logs = [];
// Read by the host when the run fails (timeout, memory): what was logged before still shows.
Object.defineProperty(globalThis, '${LOGS_GLOBAL}', { value: __logs });
// Taken before the command runs: replacing JSON.stringify does not break the record (the host checks its shape).
const __stringify = JSON.stringify;
const __outbox = [];
const __DONE = { done: true };
const __show = (v) => {
  if (typeof v === 'string') return v;
  try { const s = JSON.stringify(v); return s === undefined ? String(v) : s; } catch (e) { return String(v); }
};
const console = {};
console.log = console.info = console.warn = console.error = console.debug = (...args) => {
  if (__logs.length < ${MAX_LOG_LINES}) __logs.push(args.map(__show).join(' ').slice(0, ${MAX_LOG_CHARS}));
};
const __open = () => { if (__state.kind !== null) throw new Error('The response was already sent.'); };
const __finish = (kind, body) => { __open(); __state.kind = kind; __state.body = body; throw __DONE; };
const res = {
  status(code) { __open(); __state.status = code; return res; },
  set(name, value) { __open(); __state.headers[String(name)] = String(value); return res; },
  send(body) { __finish('send', body); },
  json(value) { __finish('json', value); },
  text(text) { __finish('text', String(text)); },
  html(html) { __finish('html', String(html)); },
  redirect(url) { __finish('redirect', String(url)); },
};
const Api = {
  sendMessage(message) {
    if (__outbox.length >= 20) throw new Error('At most 20 messages per run.');
    __outbox.push(message === undefined ? {} : JSON.parse(JSON.stringify(message)));
  },
};
`;
