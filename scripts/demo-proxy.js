// The reverse proxy of `npm run team-demo`: the routes of docs/Caddyfile on
// 127.0.0.1, without TLS. /webhook* and /ownlang/* go to the replicas'
// receivers in turn; everything else (the UI, its API, the /events
// WebSocket) to the first replica's UI, the next one's while it is down. A
// replica that refuses the connection is skipped, as Caddy's lb_retries
// does. For trying the topology on one machine, not for production: no TLS
// and no limits of its own.
import { createServer, request } from 'node:http';
import { connect } from 'node:net';

// Proxy a request, never these: they describe one connection, not the request.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);
// Shorter than the 10 s after which the platforms give up, as in docs/Caddyfile.
const UPSTREAM_IDLE_MS = 9_000;

const toReceiver = (url) => url.startsWith('/webhook') || url.startsWith('/ownlang/');

/** Starts the proxy on a free port of 127.0.0.1; `route()` names the replicas once they are up. */
export async function startDemoProxy() {
  let receivers = [];
  let uis = [];
  let turn = 0;
  const tunnels = new Set();

  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const [targets, first] = toReceiver(url) ? [receivers, turn++] : [uis, 0];
    connectFirst(targets, first).then(
      (socket) => forward(req, res, socket),
      () => answer(res, 502, 'No replica took the connection.'),
    );
  });

  server.on('upgrade', (req, socket, head) => {
    tunnels.add(socket);
    socket.once('close', () => tunnels.delete(socket));
    socket.on('error', () => socket.destroy());
    connectFirst(uis, 0).then(
      (upstream) => {
        if (socket.destroyed) return upstream.destroy();
        tunnels.add(upstream);
        upstream.once('close', () => tunnels.delete(upstream));
        const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
        for (const [name, value] of pairs(req.rawHeaders))
          if (name.toLowerCase() !== 'x-forwarded-for') lines.push(`${name}: ${value}`);
        lines.push(`X-Forwarded-For: ${forwardedFor(req)}`);
        upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head.length > 0) upstream.write(head);
        upstream.pipe(socket).pipe(upstream);
        upstream.on('error', () => socket.destroy());
        socket.once('close', () => upstream.destroy());
        upstream.once('close', () => socket.destroy());
      },
      () => socket.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'),
    );
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    /** The replicas' receiver and UI addresses, as `{ host, port }`. */
    route(next) {
      receivers = next.receivers;
      uis = next.uis;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of tunnels) socket.destroy();
      }),
  };
}

/** A connection to the first target, from `first` on, that accepts one. */
function connectFirst(targets, first) {
  return new Promise((resolve, reject) => {
    const attempt = (tried) => {
      if (tried >= targets.length) return reject(new Error('no target'));
      const target = targets[(first + tried) % targets.length];
      const socket = connect(target.port, target.host);
      socket.once('connect', () => {
        socket.removeAllListeners('error');
        resolve(socket);
      });
      socket.once('error', () => attempt(tried + 1));
    };
    attempt(0);
  });
}

function forward(req, res, socket) {
  const headers = {};
  for (const [name, value] of Object.entries(req.headers))
    if (!HOP_BY_HOP.has(name) && name !== 'x-forwarded-for') headers[name] = value;
  // The Host stays the public one, as Caddy passes it: the replica checks it against its public URL.
  headers['x-forwarded-for'] = forwardedFor(req);
  headers['x-forwarded-proto'] = 'http';
  headers.connection = 'close';
  const upstream = request({
    method: req.method,
    path: req.url,
    headers,
    createConnection: () => socket,
  });
  upstream.setTimeout(UPSTREAM_IDLE_MS, () => upstream.destroy(new Error('timeout')));
  upstream.on('response', (reply) => {
    const out = {};
    for (const [name, value] of Object.entries(reply.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
    res.writeHead(reply.statusCode ?? 502, out);
    reply.pipe(res);
    reply.on('error', () => res.destroy());
  });
  upstream.on('error', (error) => {
    if (res.headersSent) res.destroy();
    else answer(res, error.message === 'timeout' ? 504 : 502, `The replica did not answer: ${error.message}`);
  });
  res.once('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

/** What nginx calls $proxy_add_x_forwarded_for: the hops so far, and the client this proxy saw. */
function forwardedFor(req) {
  const before = req.headers['x-forwarded-for'];
  const client = req.socket.remoteAddress ?? '';
  return before ? `${before}, ${client}` : client;
}

function answer(res, status, reason) {
  const body = JSON.stringify({ ok: false, error: 'bad-gateway', reason });
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function* pairs(raw) {
  for (let i = 0; i + 1 < raw.length; i += 2) yield [raw[i], raw[i + 1]];
}
