import { describe, expect, it } from 'vitest';
import { answers } from '../../../src-main/core/receiver/answers';
import { classify } from '../../../src-main/core/receiver/classify';
import { SOLAFON_SEED_PAYLOAD } from '../../support/payloads';

const known = { name: 'default', known: true };
const unknown = { name: 'ghost', known: false };
const complete = (text: string | Buffer) => ({
  kind: 'complete' as const,
  body: Buffer.isBuffer(text) ? text : Buffer.from(text),
});

describe('classify', () => {
  it('accepts a known update with 200 and no problem', () => {
    const verdict = classify(complete(JSON.stringify(SOLAFON_SEED_PAYLOAD)), known, 1024);
    expect(verdict.answer).toEqual(answers.accepted());
    expect(JSON.parse(verdict.answer.body)).toEqual({ ok: true });
    expect(verdict.problem).toBeNull();
    expect(verdict.summary.platform).toBe('solafon');
    expect(verdict.bodyOmitted).toBe(false);
  });

  it('accepts valid JSON of an unknown shape with 200, flagged unknown-shape', () => {
    const verdict = classify(complete('{"hello":"world"}'), known, 1024);
    expect(verdict.answer.status).toBe(200);
    expect(verdict.problem).toBe('unknown-shape');
  });

  it.each([
    ['invalid JSON', Buffer.from('{"update_id": ')],
    ['an empty body', Buffer.alloc(0)],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
  ])('answers 400 malformed-json with a reason for %s and keeps the bytes', (_label, bytes) => {
    const verdict = classify(complete(bytes), known, 1024);
    expect(verdict.answer.status).toBe(400);
    const body = JSON.parse(verdict.answer.body) as { ok: boolean; error: string; reason: string };
    expect(body).toMatchObject({ ok: false, error: 'malformed-json' });
    expect(body.reason.length).toBeGreaterThan(0);
    expect(verdict.problem).toBe('malformed-json');
    expect(verdict.body.equals(bytes)).toBe(true);
    expect(verdict.bodySize).toBe(bytes.length);
  });

  it('answers 413 for a too-large body and keeps only its size', () => {
    const verdict = classify({ kind: 'too-large', size: 5000 }, known, 1024);
    expect(verdict.answer.status).toBe(413);
    expect(verdict.answer.body).toContain('5000');
    expect(verdict).toMatchObject({ problem: 'too-large', bodySize: 5000, bodyOmitted: true });
    expect(verdict.body.length).toBe(0);
  });

  it('answers 404 unknown-inbox for an unknown inbox, even for a too-large body', () => {
    const ok = classify(complete(JSON.stringify(SOLAFON_SEED_PAYLOAD)), unknown, 1024);
    expect(ok.answer.status).toBe(404);
    expect(ok.problem).toBe('unknown-inbox');
    expect(ok.summary.updateId).toBe(123);
    const big = classify({ kind: 'too-large', size: 5000 }, unknown, 1024);
    expect(big.answer.status).toBe(404);
    expect(big.problem).toBe('unknown-inbox');
  });
});
