import type { IncomingMessage, ServerResponse } from 'node:http';
import { ContractError, type Envelope, ERROR_STATUS } from '@contract';
import { describeError } from '@contract/describe-error';
import { sendJson as sendJsonAnswer } from '../core';

const MAX_API_BODY = 1024 * 1024;

/** One contract call as the caller may make it: dispatch on the local app's service, or a team server's gate. */
export type Call = (method: string, input: unknown) => Promise<Envelope<unknown>>;

/** `POST /api/<method>`: JSON in, the method's output (or `{error, message}`) out. */
export async function handleApiCall(
  call: Call,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    return sendJson(
      res,
      405,
      new ContractError('bad-input', 'Call methods with POST and a JSON body.').toBody(),
      {
        Allow: 'POST',
      },
    );
  }
  let input: unknown;
  try {
    input = await readJson(req);
  } catch (error) {
    const message = describeError(error);
    return sendJson(res, 400, new ContractError('bad-input', message).toBody());
  }
  const result = await call(method, input);
  if (result.ok) sendJson(res, 200, result.value);
  else sendJson(res, ERROR_STATUS[result.error.error], result.error);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_API_BODY) throw new Error(`The request body is over ${MAX_API_BODY} bytes.`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`The request body is not valid JSON: ${describeError(error)}`);
  }
}

/** The bridge's answers: a person's data, never kept by a cache on the way. */
export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  sendJsonAnswer(res, status, value, { 'Cache-Control': 'no-store', ...headers });
}
