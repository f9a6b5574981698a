import { type Agent, type IncomingHttpHeaders, request } from 'node:http';
import { connect } from 'node:net';

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  json<T = unknown>(): T;
}

export interface HttpRequestOptions {
  method?: string;
  headers?: Record<string, string | string[]>;
  /** Sent with a Content-Length. */
  body?: string | Buffer;
  /** Sent as separate writes with chunked transfer encoding (no Content-Length). */
  chunks?: Array<string | Buffer>;
  /** A keep-alive agent to reuse connections; by default each request opens its own. */
  agent?: Agent;
}

/**
 * One request over its own connection (no keep-alive pool), so servers can
 * close quickly. The path is sent exactly as given: nothing normalizes it.
 */
export function httpRequest(url: string, options: HttpRequestOptions = {}): Promise<HttpResponse> {
  const target = new URL(url);
  const path = url.slice(url.indexOf('/', target.protocol.length + 2)) || '/';
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[] | number> = { ...options.headers };
    if (options.body !== undefined) headers['Content-Length'] = Buffer.byteLength(options.body);
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path,
        headers,
        agent: options.agent ?? false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
      },
    );
    req.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else {
      req.end(options.body);
    }
  });
}

export function postJson(
  url: string,
  value: unknown,
  headers: Record<string, string> = {},
  agent?: Agent,
): Promise<HttpResponse> {
  return httpRequest(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof value === 'string' ? value : JSON.stringify(value),
    ...(agent ? { agent } : {}),
  });
}

/** Writes bytes on a raw TCP connection and resolves with everything the server sent until it closed. */
export function rawExchange(port: number, data: string | Buffer, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host });
    const chunks: Buffer[] = [];
    socket.on('connect', () => socket.write(data));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // A full response with Connection: close ends the socket; we end our side too.
    });
    socket.on('end', () => socket.end());
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the answer still counts as an answer.
      if (chunks.length > 0 || error.code === 'ECONNRESET') resolve(Buffer.concat(chunks).toString('latin1'));
      else reject(error);
    });
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

/** Sends the start of a request and then cuts the connection. Resolves once it is closed. */
export function abortMidBody(port: number, head: string, partialBody: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.on('error', reject);
    socket.on('connect', () => {
      socket.write(head + partialBody, () => {
        socket.destroy();
      });
    });
    socket.on('close', () => resolve());
  });
}
