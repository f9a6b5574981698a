import type { Problem, Summary } from '@contract';
import { normalizeUpdate, UNKNOWN_SUMMARY } from '../deliveries/normalize';
import { describeError } from '../describe-error';
import { decodeUtf8 } from '../utf8';
import { type Answer, answers } from './answers';
import type { BodyResult } from './read-body';

export interface Classified {
  answer: Answer;
  problem: Problem | null;
  summary: Summary;
  body: Buffer;
  bodySize: number;
  bodyOmitted: boolean;
}

const EMPTY = Buffer.alloc(0);

/**
 * Decides what a delivery is and what we answer, from what was read. Pure:
 * the receiver does the I/O, this does the judging.
 */
export function classify(
  body: Exclude<BodyResult, { kind: 'aborted' | 'busy' }>,
  inbox: { name: string; known: boolean },
  limit: number,
): Classified {
  if (body.kind === 'too-large') {
    return {
      answer: inbox.known ? answers.tooLarge(body.size, limit) : answers.unknownInbox(inbox.name),
      problem: inbox.known ? 'too-large' : 'unknown-inbox',
      summary: UNKNOWN_SUMMARY,
      body: EMPTY,
      bodySize: body.size,
      bodyOmitted: true,
    };
  }
  const bytes = body.body;
  const kept = { body: bytes, bodySize: bytes.length, bodyOmitted: false };
  const parsed = parseJson(bytes);
  if (!inbox.known) {
    const summary = parsed.ok ? normalizeUpdate(parsed.value) : UNKNOWN_SUMMARY;
    return { answer: answers.unknownInbox(inbox.name), problem: 'unknown-inbox', summary, ...kept };
  }
  if (!parsed.ok) {
    return {
      answer: answers.malformedJson(parsed.reason),
      problem: 'malformed-json',
      summary: UNKNOWN_SUMMARY,
      ...kept,
    };
  }
  const summary = normalizeUpdate(parsed.value);
  return {
    answer: answers.accepted(),
    problem: summary.platform === 'unknown' ? 'unknown-shape' : null,
    summary,
    ...kept,
  };
}

function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (bytes.length === 0) return { ok: false, reason: 'the body is empty' };
  const text = decodeUtf8(bytes);
  if (text === null) return { ok: false, reason: 'the body is not UTF-8 text' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: describeError(error) };
  }
}
