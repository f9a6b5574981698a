import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DEFAULT_INBOX, type Durability, type Service, type Subscribe } from '@contract';
import { appMethods } from './app/methods';
import { HttpPools } from './botapi';
import { captureMethods } from './capture/methods';
import { CommandPool, type CommandPoolOptions } from './commands/command-pool';
import { commandsMethods } from './commands/methods';
import { composeMethods } from './compose/methods';
import { deleteMethods } from './delete/methods';
import { deliveriesMethods } from './deliveries/methods';
import { SqliteWriter } from './deliveries/sqlite-writer';
import { EventHub } from './events';
import { Forwarder } from './forwarding/forwarder';
import { PgTapQueue } from './forwarding/pg-tap-queue';
import { publicOrigin } from './http/public-url';
import { inboxesMethods } from './inboxes/methods';
import { handleLinkHit } from './links/handle-link';
import { linksMethods } from './links/methods';
import { logsMethods } from './logs/methods';
import { profilesMethods } from './profiles/methods';
import { ensureSandboxProfile } from './profiles/sandbox-profile';
import { inboxDecisions } from './receiver/decide';
import type { ReceiverLimits } from './receiver/limits';
import { startReceiver } from './receiver/server';
import { ReplayJobs } from './replay/jobs';
import { replayMethods } from './replay/methods';
import { type Sandbox, type SandboxBot, startSandbox } from './sandbox';
import { sandboxMethods } from './sandbox/methods';
import { keyFileBox, keyFileBoxAt } from './secrets/key-file-box';
import type { SecretBox } from './secrets/secret-box';
import { settingsMethods } from './settings/methods';
import { startRetention } from './settings/retention';
import { forgettingOnChange, SecretChecker } from './settings/secret-check';
import { deliveryCommits } from './store/delivery-commits';
import { StoreHealth } from './store/health';
import { DATABASE_FILE, openDatabase } from './store/open-database';
import { openTeamState, type TeamState } from './store/pg/team-state';
import { localSharedState, type SharedState } from './store/shared-state';
import { withStoreErrors } from './store/store-errors';
import type { TeamGate } from './team/gate';
import { localTeamMethods } from './team/local-methods';
import { teamAccess } from './team/team-access';
import { DEFAULT_TRANSFER_LIMITS, type TransferFileLimits, TransferFiles } from './transfer/files';
import { TransferJobs } from './transfer/jobs';
import { transferMethods } from './transfer/methods';
import { webhookMethods } from './webhook/methods';
import { workspaceMethods } from './workspaces/methods';
import { WorkspaceStore } from './workspaces/workspace-store';

export interface CoreOptions {
  dataDir: string;
  receiverHost?: string;
  /** 0 picks a free port. */
  receiverPort?: number;
  maxBodyBytes?: number;
  /**
   * The receiver's caps and timeouts against hostile clients. Unset ones are
   * derived: half the process's descriptors, 256 per address, 10 s for the
   * head, 30 s for the request, 64 MiB of bodies in flight.
   */
  receiverLimits?: Partial<ReceiverLimits>;
  durability?: Durability;
  version?: string;
  /** The sandbox platform's port on 127.0.0.1, whatever the receiver's host (default 8788; 0 picks a free port). */
  sandboxPort?: number;
  /** Tests shorten the sandbox's retry backoff and delivery timeout. */
  /** getUpdates' long-poll timeout for Telegram capture, in seconds (default 25). */
  capturePollSeconds?: number;
  sandboxDelivery?: { timeoutMs?: number; backoffMs?: (attempts: number) => number; maxAttempts?: number };
  /** Tap forwarding's waits between retries (default 1 s, 2 s, 4 s); tests shorten them. */
  forwardRetryMs?: number[];
  /** Seals secrets at rest; default: a 0600 key file in the data dir. */
  secretBox?: SecretBox;
  /** Expiry of exports and uploads, and their quota; tests shorten them. */
  transferLimits?: Partial<TransferFileLimits>;
  /** The command workers: how many, how many hits may wait, the limits; tests shrink them. */
  commands?: Omit<CommandPoolOptions, 'log'>;
  /**
   * A team server: shared state in this PostgreSQL database (postgres://…),
   * with any number of replicas on it. Unset: the SQLite file in the data
   * dir, for one person. The sandbox keeps its local SQLite either way.
   */
  database?: string;
  /** With `database`: the key file sealing secrets, outside the database (default: secret.key in the data dir). */
  secretKeyFile?: string;
  /**
   * A team server's public origin behind its TLS proxy (see publicOrigin): the
   * receiver URL the UI shows and signed links start with. Unset: the local
   * receiver's address.
   */
  publicUrl?: string;
  /** The receiver is reached only through a reverse proxy: trust its X-Forwarded-For (see clientAddress). */
  trustProxy?: boolean;
  /** better-sqlite3 binary for another ABI (the desktop shell under Electron). */
  nativeBinding?: string;
  log?: (message: string) => void;
}

export interface Core {
  service: Service;
  subscribe: Subscribe;
  receiverUrl: string;
  receiverPort: number;
  /** The receiver's caps and timeouts in force, and what clients hold of them now. */
  receiverLimits: ReceiverLimits;
  receiverLoad(): { connections: number; bodyBytes: number };
  sandboxUrl: string;
  /** The default sandbox bot's token: shown to the user, never logged. */
  sandboxToken: string;
  /** The default sandbox bot, with its Solafon app id and JWT. */
  sandboxBot: SandboxBot;
  /** Where exports are written and uploads kept (the web bridge serves and fills them). */
  transferDir(kind: 'exports' | 'imports'): string;
  /**
   * A team server's people: the web bridge resolves a personal token to a
   * person and makes each call through here (roles, audit log). Null on the
   * local app, whose `service` is called directly.
   */
  team: TeamGate | null;
  /** Bytes an upload may still take before the exports-and-uploads quota is reached. */
  uploadRoom(): number;
  dataDir: string;
  stop(): Promise<void>;
}

export const DEFAULTS = {
  receiverHost: '127.0.0.1',
  receiverPort: 8787,
  sandboxPort: 8788,
  maxBodyBytes: 1024 * 1024,
  durability: 'full' as Durability,
};

/** Starts the engine: store, receiver and the service behind the contract. */
export async function startCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? ((message: string) => console.error(message));
  const durability = options.durability ?? DEFAULTS.durability;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  // Checked before anything starts: a wrong public URL would be in every webhook URL shown and link made.
  const publicUrl = options.publicUrl === undefined ? null : publicOrigin(options.publicUrl);
  const db = openDatabase({ dataDir: options.dataDir, durability, nativeBinding: options.nativeBinding });
  const box = options.secretBox ?? keyFileBox(options.dataDir);
  const events = new EventHub();
  // Names this run: in the forwarding hop header (a forwarded delivery that comes back is recognised)
  // and, on a team server, in its notices and leases.
  const instanceId = randomBytes(8).toString('hex');
  const health = new StoreHealth(options.database ? 'postgres' : 'sqlite', (status) =>
    events.emit('store.status', status),
  );
  let shared: SharedState;
  let team: TeamState | null = null;
  try {
    if (options.database) {
      team = await openTeamState({
        url: options.database,
        origin: instanceId,
        box: options.secretKeyFile ? keyFileBoxAt(options.secretKeyFile) : box,
        events,
        health,
        log,
      });
      shared = team;
    } else {
      // Inserts and their fsync run on a thread of their own: the event loop keeps answering meanwhile.
      const writer = await SqliteWriter.start(
        { file: join(options.dataDir, DATABASE_FILE), durability, nativeBinding: options.nativeBinding },
        log,
      );
      shared = localSharedState(db, box, health, writer);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  const { stores } = shared;
  const { deliveries, inboxes, inboxSettings, keys, commands } = stores;
  const secretChecker = new SecretChecker({
    checkOf: (inbox) => inboxSettings.get(inbox).secretCheck,
    secretOf: async (id) => (await stores.profiles.get(id))?.webhookSecret ?? null,
    log,
  });
  const profiles = forgettingOnChange(stores.profiles, secretChecker);
  const replayAttempts = stores.attempts;

  const committer = deliveryCommits(shared, events);

  const http = new HttpPools();
  const commandPool = new CommandPool({ ...options.commands, log });
  commandPool.warmUp();

  const forwarder = new Forwarder({
    record: (attempt) => replayAttempts.insertAll([attempt]),
    instanceId,
    log,
    ...(options.forwardRetryMs ? { retryDelays: options.forwardRetryMs } : {}),
  });
  // On a team server tap forwards are rows any replica works, so a replica's death loses no retry.
  const tapQueue =
    team === null
      ? null
      : new PgTapQueue({
          sql: team.sql,
          origin: instanceId,
          deliveries,
          forwarder,
          retryDelaysMs: options.forwardRetryMs ?? [1000, 2000, 4000],
          log,
        });
  tapQueue?.start();
  const tap = (deliveryId: number, url: string, body: Buffer, headers: Array<[string, string]>) =>
    tapQueue ? tapQueue.enqueue(deliveryId, url) : forwarder.tap(deliveryId, url, body, headers);
  const receiverHost = options.receiverHost ?? DEFAULTS.receiverHost;

  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  try {
    receiver = await startReceiver({
      host: receiverHost,
      port: options.receiverPort ?? DEFAULTS.receiverPort,
      maxBodyBytes,
      ...(options.receiverLimits ? { limits: options.receiverLimits } : {}),
      trustProxy: options.trustProxy ?? false,
      defaultInbox: DEFAULT_INBOX,
      hasInbox: (name) => inboxes.has(name),
      store: (delivery) => committer.add(delivery),
      log,
      links: (hit) =>
        handleLinkHit(
          { profiles, keys, commands, deliveries, http, run: (body, scope) => commandPool.run(body, scope) },
          hit,
        ),
      instanceId,
      decide: inboxDecisions({
        settings: inboxSettings,
        secret: (inbox, headers) => secretChecker.verdict(inbox, headers),
        forwarder,
        tap,
        log,
      }),
    });
  } catch (error) {
    await tapQueue?.stop();
    await commandPool.close();
    await shared.close();
    db.close();
    throw error;
  }

  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({
      db,
      box,
      port: options.sandboxPort ?? DEFAULTS.sandboxPort,
      receiverWebhookUrl: `${receiver.url}/webhook`,
      onChange: (change) => events.emit('sandbox.changed', change),
      delivery: options.sandboxDelivery ?? {},
      log,
    });
  } catch (error) {
    await receiver.close();
    await tapQueue?.stop();
    await commandPool.close();
    await shared.close();
    db.close();
    throw error;
  }

  await ensureSandboxProfile(profiles, sandbox, `${receiver.url}/webhook`);
  // Where platforms and browsers reach the receiver: the proxy's origin on a team server. The sandbox
  // above keeps posting to the local address: it runs on this machine.
  const publicReceiverUrl = publicUrl ?? receiver.url;

  const captures = captureMethods({
    profiles,
    inboxes,
    store: (delivery) => committer.add(delivery),
    tap,
    ...(options.capturePollSeconds === undefined ? {} : { pollSeconds: options.capturePollSeconds }),
    log,
  });

  const replays = new ReplayJobs(
    deliveries,
    replayAttempts,
    events,
    async (id) => (await profiles.get(id))?.webhookSecret ?? null,
    log,
    stores.replayTargets,
  );
  const retention = startRetention(deliveries, inboxSettings, log, shared.exclusive);

  const transferFiles = new TransferFiles(options.dataDir, {
    ...DEFAULT_TRANSFER_LIMITS,
    ...options.transferLimits,
  });
  const transfers = new TransferJobs({
    files: transferFiles,
    deliveries,
    events,
    version: options.version ?? '0.0.0-dev',
    onImported: (items) => events.emit('delivery.added', { items }),
    hasInbox: (name) => inboxes.has(name),
    // A record carries its body as base64 (4/3 of the bytes) beside headers and the summary.
    maxRecordBytes: Math.ceil((maxBodyBytes * 4) / 3) + 1024 * 1024,
    log,
  });

  const access = team === null ? null : teamAccess(team, instanceId);
  const methods: Service = {
    ...appMethods({
      info: {
        version: options.version ?? '0.0.0-dev',
        receiverUrl: publicReceiverUrl,
        dataDir: options.dataDir,
        maxBodyBytes,
        durability,
        defaultInbox: DEFAULT_INBOX,
      },
      status: () => health.get(),
      mode: team === null ? 'local' : 'team',
    }),
    ...deliveriesMethods(deliveries),
    ...inboxesMethods({
      inboxes,
      deliveries,
      events,
      receiverUrl: publicReceiverUrl,
      defaultInbox: DEFAULT_INBOX,
    }),
    ...deleteMethods({
      deliveries,
      inboxes,
      settings: inboxSettings,
      events,
      defaultInbox: DEFAULT_INBOX,
      profiles,
    }),
    ...profilesMethods(profiles),
    ...webhookMethods({ profiles, http }),
    ...composeMethods({ profiles, replies: stores.replies, http }),
    ...logsMethods({ profiles, http }),
    ...sandboxMethods(sandbox, profiles),
    'capture.start': captures['capture.start'],
    'capture.stop': captures['capture.stop'],
    'capture.list': captures['capture.list'],
    ...commandsMethods({
      commands,
      events,
      deliveries,
      run: (body, scope) => commandPool.run(body, scope),
    }),
    ...linksMethods({
      profiles,
      keys,
      receiverUrl: publicReceiverUrl,
      // A link made for this replica's own address (the CLI's, a script's) is still one of ours.
      otherBases: publicReceiverUrl === receiver.url ? [] : [receiver.url],
      defaults: stores.linkDefaults,
    }),
    ...replayMethods(replays, replayAttempts, stores.replayTargets),
    ...transferMethods(transfers),
    ...(access === null ? localTeamMethods() : access.methods(() => transfers.dir('exports'))),
    // The team servers a person opens from this app: its own list, which a team server does not keep.
    ...workspaceMethods(team === null ? new WorkspaceStore(db, box) : null),
    ...settingsMethods({
      inboxes,
      settings: inboxSettings,
      deliveries,
      retention,
      retentionCount: stores.retentionCount,
      dataDir: options.dataDir,
      size: () => shared.size(),
      transfers: transferFiles,
      receiver: { host: receiverHost, port: receiver.port, publicUrl },
      profiles,
    }),
  };
  // A team database that is away makes calls fail as `unavailable`, not as internal errors.
  const service = team === null ? methods : withStoreErrors(methods, shared.unreachable, health);
  const gate = access === null ? null : access.gate(service, health, log);

  let stopped: Promise<void> | undefined;
  return {
    service,
    subscribe: events.subscribe,
    receiverUrl: receiver.url,
    receiverPort: receiver.port,
    receiverLimits: receiver.limits,
    receiverLoad: () => receiver.load(),
    sandboxUrl: sandbox.server.url,
    sandboxToken: sandbox.defaultBot.token,
    sandboxBot: sandbox.defaultBot,
    transferDir: (kind) => transfers.dir(kind),
    team: gate,
    uploadRoom: () => transferFiles.room(),
    dataDir: options.dataDir,
    stop: () => {
      stopped ??= (async () => {
        // First, while the platform (or the sandbox) and the store are still here: a captured
        // profile's production webhook must not stay off because the app was closed.
        await captures.stopAll();
        retention.stop();
        transfers.stop();
        await tapQueue?.stop();
        await forwarder.stop();
        await replays.stop();
        await sandbox.stop();
        await http.close();
        await receiver.close();
        // After the receiver: hits in flight get their command's answer first.
        await commandPool.close();
        await committer.flush();
        await shared.close();
        db.close();
      })();
      return stopped;
    },
  };
}
