// Load generators: wrk (a C program, so the load costs the machine little)
// for saturated throughput, autocannon for a fixed request rate.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const LUA = fileURLToPath(new URL('./solafon.lua', import.meta.url));

export const hasWrk = (): boolean =>
  spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;

export interface LoadResult {
  rate: number;
  p50: number;
  p99: number;
  non2xx: number;
  requests: number;
}

function toMs(text: string | undefined): number {
  if (!text) return Number.NaN;
  const value = Number.parseFloat(text);
  if (text.endsWith('us')) return value / 1000;
  if (text.endsWith('ms')) return value;
  if (text.endsWith('s')) return value * 1000;
  return value;
}

/** Saturated throughput: wrk, 1 thread, `connections`, for `seconds`, each request a new update with a varied text. */
export function wrk(
  baseUrl: string,
  { connections = 50, seconds = 10, updateOffset = 0 } = {},
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'wrk',
      ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', LUA, `${baseUrl}/webhook`],
      { env: { ...process.env, UPDATE_OFFSET: String(updateOffset) }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${out}`));
      resolve({
        rate: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
        p50: toMs(/\s50%\s+([\d.]+\w+)/.exec(out)?.[1]),
        p99: toMs(/\s99%\s+([\d.]+\w+)/.exec(out)?.[1]),
        non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
        requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
      });
    });
  });
}

let fixedCounter = 10_000_000;

/** Latency at a fixed rate: autocannon sending `rate` requests a second in all. */
export async function fixedRate(
  baseUrl: string,
  { rate = 1000, seconds = 10, connections = 50 } = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url: `${baseUrl}/webhook`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections,
    overallRate: rate,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => {
          fixedCounter += 1;
          return {
            ...req,
            body: JSON.stringify({
              update_id: fixedCounter,
              message_id: fixedCounter,
              from: { id: 42, email: 'ada@example.com', name: 'Ada', language: 'en' },
              chat: { id: 42, type: 'private' },
              date: 1704067200,
              text: `fixed rate ${fixedCounter}`,
            }),
          };
        },
      },
    ],
  });
  return {
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}
