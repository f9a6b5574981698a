import postgres from 'postgres';

/** PostgreSQL's OID for int8 (bigint). */
const INT8 = 20;

/**
 * bigint columns (identity ids, update ids, counts) come back as JS numbers.
 * Every id this app makes or receives fits in 2^53 (deliveries would need
 * thousands of years at a million a second to pass it), so a number is the
 * natural type for the contract; a value beyond that would be silently
 * rounded, so it fails the query loudly instead.
 */
const bigintAsNumber = {
  to: INT8,
  from: [INT8],
  serialize: (value: number): string => {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(
        `A bigint parameter takes a safe integer number, not ${typeof value} ${String(value)}.`,
      );
    }
    return String(value);
  },
  parse: (text: string): number => {
    const value = Number(text);
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(
        `The database returned the bigint ${text}, beyond what a JS number holds exactly.`,
      );
    }
    return value;
  },
};

const types = { bigint: bigintAsNumber };

/** A pooled postgres.js client whose bigints are numbers. */
export type Sql = postgres.Sql<{ bigint: number }>;
export type TransactionSql = postgres.TransactionSql<{ bigint: number }>;

export interface ConnectOptions {
  /** Connections in this replica's pool; the server's max_connections is shared by all replicas. */
  max?: number;
  /** For pg_stat_activity: which replica holds a connection. */
  applicationName?: string;
  /**
   * false behind a transaction-pooling PgBouncer, which cannot keep a
   * connection's prepared statements.
   */
  prepare?: boolean;
}

const PROTOCOLS = new Set(['postgres:', 'postgresql:']);

/** The URL without its password: for errors and logs. */
export function redactUrl(url: URL): string {
  const shown = new URL(url.href);
  if (shown.password) shown.password = '***';
  return shown.href;
}

/**
 * Opens a pool to the team server's database. Nothing connects until the
 * first query: callers that must know the database is there run one (migrate
 * does).
 */
export function connectPostgres(url: string, options: ConnectOptions = {}): Sql {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      'The database address is not a URL: expected postgres://user:password@host:port/database.',
    );
  }
  if (!PROTOCOLS.has(parsed.protocol)) {
    throw new Error(`The database address ${redactUrl(parsed)} is not a postgres:// URL.`);
  }
  return postgres(url, {
    max: options.max ?? 10,
    // Idle connections go back to the server: many replicas share its max_connections.
    idle_timeout: 60,
    // An unreachable server fails a request within the platforms' 10 s, so it can answer 503 and be retried.
    connect_timeout: 5,
    prepare: options.prepare ?? true,
    // Notices are chatter (IF NOT EXISTS skipped, empty search queries); errors still throw.
    onnotice: () => undefined,
    connection: {
      application_name: options.applicationName ?? 'bot-webhook-inspector',
      // A replica that hangs inside a transaction must not hold its row locks
      // (or the migration lock) from every other replica for long: the server ends it.
      idle_in_transaction_session_timeout: 60_000,
    },
    types,
  });
}

/** Waits up to `timeoutSeconds` for running queries, then closes every connection. */
export async function closePostgres(sql: Sql, { timeoutSeconds = 5 } = {}): Promise<void> {
  await sql.end({ timeout: timeoutSeconds });
}
