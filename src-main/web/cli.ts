import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContractError, Durability } from '@contract';
import { DEFAULTS, guardProcess, runUsersAction } from '../core';
import { defaultDataDir } from './data-dir';
import { deployOptions } from './deploy-options';
import { openLinkTools } from './link-cli';
import { sandboxSend } from './sandbox-send';
import { DEFAULT_UI_PORT, serve } from './serve';
import { UsageError } from './usage-error';
import { parseUsersAction } from './users-cli';

const USAGE = `Usage:
  bot-webhook-inspector serve [options]
  bot-webhook-inspector sandbox send --user <id> --text <text> [--name N] [--language L] [--chat <id>] [--sandbox-url URL]
  bot-webhook-inspector sign --command <name> --user <id> [--options <json>] [--param key=value]… [--redirect <url>]
                             [--expires-in <seconds|never>] [--bot <profile>] [--base-url <url>] [--data-dir <dir>]
  bot-webhook-inspector verify <url> [--base-url <url>] [--data-dir <dir>]
  bot-webhook-inspector users add --name <name> --role viewer|operator|admin [--database URL]
  bot-webhook-inspector users list [--database URL]
  bot-webhook-inspector users revoke --id <number> | --name <name> [--database URL]

serve starts the inspector's engine and serves its UI to your browser.
sandbox send writes to the sandbox bot as a simulated user (the inspector must be running).
sign prints a signed per-user link (default bot: the sandbox bot; default base: the local receiver;
  it expires after the default for new links, a week unless changed in the app, or --expires-in).
verify exits 0 when a link is valid, otherwise 1 with the failed check named.
users manages a team server's people on its database (--database or $DATABASE_URL): add prints the
  person's token once (only its hash is kept); revoke takes effect at once, on every replica.
  On a database with no people, serve --database makes an admin and prints its token once.

Options for serve:
  --data-dir DIR          where history is kept (default: ${defaultDataDir()})
  --receiver-port N       webhook receiver port (default ${DEFAULTS.receiverPort}; 0 picks a free port)
  --receiver-host HOST    webhook receiver address (default ${DEFAULTS.receiverHost})
  --ui-port N             UI port (default: $BWI_UI_PORT, else ${DEFAULT_UI_PORT}, or a free port when ${DEFAULT_UI_PORT} is
                          taken; a port given here or in $BWI_UI_PORT is never moved; 0 picks a free port)
  --rotate-token          replace the UI token kept in the data dir (ui-token): browsers holding the old one
                          are refused and must open the newly printed address
  --sandbox-port N        sandbox platform port (default ${DEFAULTS.sandboxPort}; 0 picks a free port)
  --max-body-bytes N      largest delivery body kept (default ${DEFAULTS.maxBodyBytes})
  --durability MODE       full (survives power loss) or normal (survives a crash) (default ${DEFAULTS.durability})
  --database URL          a team server: shared state in PostgreSQL (postgres://user:password@host:port/db;
                          default: $DATABASE_URL, else the SQLite file in the data dir)
  --secret-key-file PATH  with --database: the key that seals tokens and signing keys, kept outside the
                          database, the same file on every replica (default: secret.key in the data dir)
  --ui-host HOST          with --database: the UI's address (default 127.0.0.1; 0.0.0.0 for a proxy elsewhere)
  --public-url URL        with --database: the public origin behind the TLS proxy (https://…): webhook URLs
                          shown and signed links use it, and the UI answers to its host name
  --trust-proxy           with --database: a delivery's client address is X-Forwarded-For's last hop (only
                          when the receiver is reachable through the proxy alone)
  -h, --help              this text`;

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function port(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new UsageError(`${name} must be a port number from 0 to 65535, not "${value}".`);
  return n;
}

/** --ui-port, else $BWI_UI_PORT; neither: serve's default port, which falls back to a free one when taken. */
function uiPort(flag: string | undefined): { uiPort?: number } {
  if (flag !== undefined) return { uiPort: port(flag, '--ui-port', 0) };
  const env = process.env.BWI_UI_PORT;
  if (env !== undefined && env !== '') return { uiPort: port(env, 'BWI_UI_PORT', 0) };
  return {};
}

function rotateToken(asked: boolean, teamServer: boolean): boolean {
  if (asked && teamServer)
    throw new UsageError(
      '--rotate-token is for the local app: a team server uses personal tokens (users revoke).',
    );
  return asked;
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`${name} must be a whole number, not "${value}".`);
  return Number(value);
}

async function linkCommand(
  command: 'sign' | 'verify',
  url: string | undefined,
  values: Record<string, string | boolean | string[] | undefined>,
): Promise<number> {
  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const baseUrl = str('base-url');
  const tools = openLinkTools({
    dataDir: resolve(str('data-dir') ?? defaultDataDir()),
    receiverUrl: `http://${DEFAULTS.receiverHost}:${DEFAULTS.receiverPort}`,
    // verify accepts a link made for that base as one of ours; sign starts its link with it.
    otherBases: baseUrl ? [baseUrl] : [],
  });
  try {
    if (command === 'verify') {
      if (!url) throw new UsageError('verify needs the link: bot-webhook-inspector verify <url>');
      const verdict = await tools.verify(url);
      if (verdict.valid && verdict.fields) {
        const f = verdict.fields;
        console.log(
          `valid: command=${f.command} user=${f.user} bot=${f.botId} key=${f.kid}${f.expiresAt ? ` expires=${f.expiresAt}` : ''}`,
        );
        return 0;
      }
      console.error(`invalid: ${verdict.check}: ${verdict.reason}`);
      return 1;
    }
    const commandName = str('command');
    const user = str('user');
    if (!commandName) throw new UsageError('sign needs --command <name>.');
    if (!user) throw new UsageError('sign needs --user <id>.');
    const params = ((values.param as string[] | undefined) ?? []).map((pair): [string, string] => {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--param takes key=value, not "${pair}".`);
      return [pair.slice(0, eq), pair.slice(eq + 1)];
    });
    const { url: link } = await tools.sign({
      bot: str('bot'),
      command: commandName,
      user,
      options: str('options'),
      params,
      redirect: str('redirect'),
      expiresIn: str('expires-in') === 'never' ? null : integer(str('expires-in'), '--expires-in'),
      baseUrl,
    });
    console.log(link);
    return 0;
  } finally {
    tools.close();
  }
}

async function sandboxCommand(
  sub: string | undefined,
  values: Record<string, string | boolean | string[] | undefined>,
): Promise<number> {
  if (sub !== 'send') throw new UsageError('Use "sandbox send --user <id> --text <text>".');
  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const userId = integer(str('user'), '--user');
  const text = str('text');
  if (userId === undefined || userId <= 0)
    throw new UsageError('--user <id> (a positive number) is required.');
  if (!text) throw new UsageError('--text <text> is required.');
  const sent = await sandboxSend({
    sandboxUrl: str('sandbox-url') ?? `http://${DEFAULTS.receiverHost}:${DEFAULTS.sandboxPort}`,
    userId,
    text,
    name: str('name'),
    language: str('language'),
    chatId: integer(str('chat'), '--chat'),
    bot: str('bot'),
  });
  console.log(`Queued update ${sent.updateId} in chat ${sent.chatId}.`);
  return 0;
}

async function usersCommand(
  sub: string | undefined,
  values: Record<string, string | boolean | string[] | undefined>,
): Promise<number> {
  const str = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
  const action = parseUsersAction(sub, { name: str('name'), role: str('role'), id: str('id') });
  const database = str('database') ?? process.env.DATABASE_URL;
  if (!database)
    throw new UsageError("users needs the team server's database: --database URL or $DATABASE_URL.");
  const { out, err } = await runUsersAction(database, action);
  for (const line of out) console.log(line);
  for (const line of err) console.error(line);
  return 0;
}

/** `--database` (or DATABASE_URL) makes this a team server; `--secret-key-file` only means something then. */
function teamDatabase(values: Record<string, string | boolean | string[] | undefined>) {
  const url = typeof values.database === 'string' ? values.database : process.env.DATABASE_URL;
  const keyFile = typeof values['secret-key-file'] === 'string' ? values['secret-key-file'] : undefined;
  if (url === undefined || url === '') {
    if (keyFile !== undefined) throw new UsageError('--secret-key-file needs --database (a team server).');
    return {};
  }
  return { database: url, ...(keyFile === undefined ? {} : { secretKeyFile: resolve(keyFile) }) };
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      'receiver-port': { type: 'string' },
      'receiver-host': { type: 'string' },
      'ui-port': { type: 'string' },
      'sandbox-port': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      durability: { type: 'string' },
      'sandbox-url': { type: 'string' },
      user: { type: 'string' },
      text: { type: 'string' },
      name: { type: 'string' },
      language: { type: 'string' },
      chat: { type: 'string' },
      bot: { type: 'string' },
      command: { type: 'string' },
      options: { type: 'string' },
      param: { type: 'string', multiple: true },
      redirect: { type: 'string' },
      'expires-in': { type: 'string' },
      'base-url': { type: 'string' },
      database: { type: 'string' },
      'secret-key-file': { type: 'string' },
      role: { type: 'string' },
      id: { type: 'string' },
      'ui-host': { type: 'string' },
      'public-url': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'rotate-token': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'serve';
  if (values.help || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'sandbox') return sandboxCommand(positionals[1], values);
  if (command === 'sign' || command === 'verify') return linkCommand(command, positionals[1], values);
  if (command === 'users') return usersCommand(positionals[1], values);
  if (command !== 'serve') throw new UsageError(`Unknown command "${command}".`);
  guardProcess((message) => console.error(message));

  const maxBodyBytes =
    values['max-body-bytes'] === undefined ? DEFAULTS.maxBodyBytes : Number(values['max-body-bytes']);
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new UsageError(
      `--max-body-bytes must be a positive whole number, not "${values['max-body-bytes']}".`,
    );
  }
  const durability = Durability.safeParse(values.durability ?? DEFAULTS.durability);
  if (!durability.success)
    throw new UsageError(`--durability must be "full" or "normal", not "${values.durability}".`);

  const team = teamDatabase(values);
  const deploy = deployOptions(values, 'database' in team);
  const served = await serve({
    dataDir: resolve(values['data-dir'] ?? defaultDataDir()),
    receiverHost: values['receiver-host'] ?? DEFAULTS.receiverHost,
    receiverPort: port(values['receiver-port'], '--receiver-port', DEFAULTS.receiverPort),
    ...uiPort(values['ui-port']),
    rotateToken: rotateToken(values['rotate-token'] === true, 'database' in team),
    sandboxPort: port(values['sandbox-port'], '--sandbox-port', DEFAULTS.sandboxPort),
    maxBodyBytes,
    durability: durability.data,
    version: version(),
    ...team,
    ...deploy,
  });
  if (served.adminToken !== null) {
    console.log(`Admin token: ${served.adminToken}`);
    console.error('The admin token is shown this once: add people with "users add" (only hashes are kept).');
  }
  if (served.bridge.movedFrom !== null) {
    console.error(
      `UI port ${served.bridge.movedFrom} is taken (another inspector?): serving the UI on ${served.bridge.port} instead, for this run. Pass --ui-port to choose one.`,
    );
  }
  if (served.token !== null && served.tokenIsNew && values['rotate-token'] === true) {
    console.error('A new UI token was made: tabs opened before must open the address below.');
  }
  console.log(`Inspector UI: ${served.uiUrl}`);
  console.log(`Receiver: ${served.core.receiverUrl}`);
  if (deploy.publicUrl) console.log(`Public URL: ${deploy.publicUrl}`);
  console.log(`Sandbox platform: ${served.core.sandboxUrl} (token ${served.core.sandboxToken})`);
  console.error(`Data: ${served.core.dataDir}  (Ctrl+C stops)`);

  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      served.stop().then(done, done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const err = error as NodeJS.ErrnoException;
    if (err instanceof ContractError) {
      console.error(`bot-webhook-inspector: ${err.message}`);
      process.exit(err.code === 'bad-input' ? 2 : 1);
    }
    if (err instanceof UsageError || err?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (err?.code === 'EADDRINUSE') {
      console.error(
        `A port is already in use (${err.message}). Another inspector may be running; pass --receiver-port 0 or --ui-port 0 to pick free ports.`,
      );
      process.exit(1);
    }
    console.error(`bot-webhook-inspector: ${err?.message ?? String(error)}`);
    process.exit(1);
  },
);
