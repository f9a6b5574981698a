import { readFileSync } from 'node:fs';
import { safeLoad } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src-main/core';
import { PROXY_TIMEOUT_MS } from '../../src-main/core/forwarding/forwarder';

// The container and proxy files cannot run here (no Docker engine): they are parsed, held to the
// topology the README describes, and every flag they give the CLI must be one its usage text lists,
// so they cannot drift from the code silently.

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

const usage = /const USAGE = `([\s\S]*?)`;/.exec(read('src-main/web/cli.ts'))?.[1] ?? '';
const knownFlags = new Set(usage.match(/--[a-z][a-z-]*/g));

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test: string[] };
}
const compose = safeLoad(read('docker-compose.yml')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const dockerfile = read('Dockerfile');
const caddyfile = read('docs/Caddyfile');
const nginx = read('docs/nginx.conf');

const flagsIn = (args: readonly string[]) => args.filter((a) => a.startsWith('--'));
/** The value given after a flag in an argument list. */
const argAfter = (args: readonly string[], flag: string) => args[args.indexOf(flag) + 1];

describe('the deployment files', () => {
  it('read the usage text of the CLI they drive', () => {
    expect(usage).toContain('Options for serve:');
    for (const flag of ['--database', '--public-url', '--ui-host', '--trust-proxy'])
      expect(knownFlags).toContain(flag);
  });

  describe('docker-compose.yml', () => {
    const replicas = ['replica1', 'replica2'].map((name) => compose.services[name] as Service);

    it('runs PostgreSQL 16 on a volume, ready only once pg_isready says so', () => {
      const postgres = compose.services.postgres as Service;
      expect(postgres.image).toBe('postgres:16');
      expect(postgres.volumes).toContain('postgres-data:/var/lib/postgresql/data');
      expect(postgres.healthcheck?.test.join(' ')).toContain('pg_isready');
    });

    it('runs two replicas of this image as a team server behind the proxy, with one key file', () => {
      for (const replica of replicas) {
        expect(replica.build).toBe('.');
        const command = replica.command ?? [];
        expect(command[0]).toBe('serve');
        for (const flag of flagsIn(command)) expect(knownFlags, flag).toContain(flag);
        expect(replica.environment?.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\/inspector$/);
        expect(replica.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
        expect(argAfter(command, '--public-url')).toBe(`https://\${INSPECTOR_HOST:?set INSPECTOR_HOST}`);
        expect(command).toContain('--trust-proxy');
        expect(argAfter(command, '--receiver-host')).toBe('0.0.0.0');
        expect(argAfter(command, '--ui-host')).toBe('0.0.0.0');
        // The key's folder is a volume both mount; the data dir is each one's own.
        const keyDir = (argAfter(command, '--secret-key-file') ?? '').replace(/\/[^/]+$/, '');
        expect(replica.volumes).toContain(`team-key:${keyDir}`);
        expect(replica.volumes?.some((v) => v.endsWith(`:${argAfter(command, '--data-dir')}`))).toBe(true);
        // Nothing but the proxy is published.
        expect(replica.ports).toBeUndefined();
      }
      const dataVolumes = replicas.map((r) => r.volumes?.find((v) => !v.startsWith('team-key:')));
      expect(new Set(dataVolumes).size).toBe(2);
      expect(replicas[0]?.command).toEqual(replicas[1]?.command);
    });

    it('puts Caddy in front with the Caddyfile from docs/, and declares every volume it names', () => {
      const caddy = compose.services.caddy as Service;
      expect(caddy.image).toBe('caddy:2');
      expect(caddy.volumes).toContain('./docs/Caddyfile:/etc/caddy/Caddyfile:ro');
      expect(caddy.ports).toEqual(['80:80', '443:443']);
      const named = Object.values(compose.services)
        .flatMap((s) => s.volumes ?? [])
        .map((v) => v.split(':')[0] ?? '')
        .filter((source) => !source.startsWith('.') && !source.startsWith('/'));
      expect(Object.keys(compose.volumes).sort()).toEqual([...new Set(named)].sort());
    });
  });

  describe('Dockerfile', () => {
    const json = (instruction: string) => {
      const line = new RegExp(`^${instruction} (\\[.*\\])$`, 'm').exec(dockerfile)?.[1];
      return JSON.parse(line ?? 'null') as string[];
    };

    it('builds with Node 22 on Debian and runs the built CLI as the non-root node user', () => {
      expect(dockerfile).toMatch(/^FROM node:22-bookworm AS build$/m);
      expect(dockerfile).toMatch(/^FROM node:22-bookworm-slim$/m);
      expect(dockerfile).toMatch(/^RUN npm ci /m);
      expect(dockerfile).toMatch(/^RUN npm run build && npm prune --omit=dev$/m);
      expect(dockerfile).toMatch(/^USER node$/m);
      expect(dockerfile.indexOf('USER node')).toBeLessThan(dockerfile.indexOf('ENTRYPOINT'));
      expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
      expect(json('ENTRYPOINT')).toEqual(['node', 'out/main/cli.js']);
    });

    it("serves on the ports compose and the proxy use, and checks the receiver's /healthz", () => {
      const command = json('CMD');
      expect(command[0]).toBe('serve');
      for (const flag of flagsIn(command)) expect(knownFlags, flag).toContain(flag);
      const receiverPort = argAfter(command, '--receiver-port');
      expect(receiverPort).toBe('8787');
      expect(dockerfile).toContain(`fetch('http://127.0.0.1:${receiverPort}/healthz')`);
      expect(dockerfile).toMatch(/^HEALTHCHECK .*\\$/m);
      for (const replica of ['replica1', 'replica2']) {
        const composed = compose.services[replica]?.command ?? [];
        expect(argAfter(composed, '--receiver-port')).toBe(receiverPort);
        expect(argAfter(composed, '--ui-port')).toBe(argAfter(command, '--ui-port'));
      }
    });
  });

  describe('the proxy examples', () => {
    const [receiverPort, uiPort] = ['--receiver-port', '--ui-port'].map((flag) =>
      argAfter(compose.services.replica1?.command ?? [], flag),
    );
    // Twice the body limit: a body over it still reaches the receiver, which records it as too-large.
    const proxyBodyMiB = (2 * DEFAULTS.maxBodyBytes) / (1024 * 1024);
    const ms = (text: string | undefined) => Number(text);

    it('Caddyfile: webhooks and links to the receivers, the rest to the UIs, inside the platforms’ 10 s', () => {
      expect(caddyfile).toMatch(/^\t@receiver path \/webhook \/webhook\/\* \/ownlang\/\*$/m);
      expect(caddyfile).toContain(`reverse_proxy replica1:${receiverPort} replica2:${receiverPort} {`);
      expect(caddyfile).toContain(`reverse_proxy replica1:${uiPort} replica2:${uiPort} {`);
      expect(caddyfile).toContain(`health_port ${receiverPort}`);
      expect(caddyfile).toMatch(new RegExp(`^\\t\\t\\tmax_size ${proxyBodyMiB}MiB$`, 'm'));
      const timeout = ms(/response_header_timeout (\d+)ms/.exec(caddyfile)?.[1]);
      expect(timeout).toBeGreaterThan(PROXY_TIMEOUT_MS);
      expect(timeout).toBeLessThan(10_000);
      expect(caddyfile).toContain('{$INSPECTOR_HOST:inspector.example.com} {');
    });

    it('nginx.conf: the same routes, timeouts and body limit, the WebSocket upgraded, X-Forwarded-For appended', () => {
      const receiverRoute = new RegExp(/^ {4}location ~ (\S+) \{$/m.exec(nginx)?.[1] ?? '$^');
      for (const path of ['/webhook', '/webhook/', '/webhook/prod', '/ownlang/webhook/1'])
        expect(receiverRoute.test(path), path).toBe(true);
      for (const path of ['/', '/api/app.info', '/events', '/uploads', '/webhooks-page', '/ownlang'])
        expect(receiverRoute.test(path), path).toBe(false);
      const receivers = /upstream inspector_receivers \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
      expect(receivers.match(new RegExp(`:${receiverPort} `, 'g'))).toHaveLength(2);
      const uis = /upstream inspector_uis \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
      expect(uis.match(new RegExp(`:${uiPort}[ ;]`, 'g'))).toHaveLength(2);
      const receiverBlock = nginx.slice(nginx.indexOf('location ~'), nginx.indexOf('location = /events'));
      expect(receiverBlock).toContain(`client_max_body_size ${proxyBodyMiB}m;`);
      for (const directive of ['proxy_send_timeout', 'proxy_read_timeout']) {
        const timeout = ms(new RegExp(`${directive} (\\d+)ms;`).exec(receiverBlock)?.[1]);
        expect(timeout, directive).toBeGreaterThan(PROXY_TIMEOUT_MS);
        expect(timeout, directive).toBeLessThan(10_000);
      }
      expect(nginx).toContain('proxy_set_header Host $host;');
      expect(nginx).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
      expect(nginx).toContain('proxy_set_header Upgrade $http_upgrade;');
      expect(nginx).toContain('location = /events {');
      // A location with a proxy_set_header of its own would drop the server's: none has one.
      const locations = nginx.slice(nginx.indexOf('location ~'));
      expect(locations).not.toContain('proxy_set_header');
      const flags = (/^# {3}serve (.*)\n# +(.*)$/m.exec(nginx) ?? []).slice(1).join(' ').split(/\s+/);
      expect(flagsIn(flags).length).toBeGreaterThan(4);
      for (const flag of flagsIn(flags)) expect(knownFlags, flag).toContain(flag);
    });
  });

  it('npm run team-demo gives the replicas flags the CLI knows', () => {
    const demo = read('scripts/team-demo.js');
    const flags = [...demo.matchAll(/'(--[a-z][a-z-]*)'/g)].map((m) => m[1] ?? '');
    expect(flags).toContain('--public-url');
    for (const flag of flags) expect(knownFlags, flag).toContain(flag);
  });
});
