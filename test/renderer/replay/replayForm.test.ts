import { describe, expect, it } from 'vitest';
import {
  buildReplayInput,
  initialForm,
  type ReplayForm,
} from '../../../src-renderer/features/replay/replayForm';
import type { ReplayScope } from '../../../src-renderer/features/replay/scope';
import { editableBody } from '../../../src-renderer/features/replay/scope';
import { laterProgress } from '../../../src-renderer/shared/jobProgress';
import { makeDetail } from '../support/deliveries';
import { makeReplayProgress } from '../support/replay';

const one: ReplayScope = { kind: 'one', delivery: makeDetail(3) };
const several: ReplayScope = { kind: 'selection', ids: [4, 9] };
const ORIGINAL = '{\n  "a": 1\n}';
const form = (patch: Partial<ReplayForm> = {}): ReplayForm => ({
  ...initialForm('http://127.0.0.1:8000/webhook', ORIGINAL),
  ...patch,
});

describe('buildReplayInput', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['localhost:8000', /http:\/\/ or https:\/\//],
    ['/webhook', /not an absolute URL/],
    ['ws://127.0.0.1/x', /http:\/\/ or https:\/\//],
  ])('refuses the target %j', (target, message) => {
    const { input, errors } = buildReplayInput(form({ target }), several, null);
    expect(input).toBeNull();
    expect(errors.target).toMatch(message);
  });

  it('refuses an edited body that does not parse, and one over 1 MiB', () => {
    expect(buildReplayInput(form({ editBody: true, body: '{' }), one, ORIGINAL).errors.body).toMatch(
      /^Not valid JSON: /,
    );
    const huge = JSON.stringify('x'.repeat(1024 * 1024));
    expect(buildReplayInput(form({ editBody: true, body: huge }), one, ORIGINAL).errors.body).toBe(
      'The body is over 1 MiB.',
    );
    // The editor closed, its text no longer matters.
    expect(buildReplayInput(form({ editBody: false, body: '{' }), one, ORIGINAL).input).not.toBeNull();
  });

  it('never sends an edited body for several deliveries', () => {
    const { input } = buildReplayInput(form({ editBody: true, body: '{"b":2}' }), several, null);
    expect(input).toEqual({
      target: 'http://127.0.0.1:8000/webhook',
      deliveryIds: [4, 9],
      keepHeaders: [],
      headers: [],
      renumberUpdateId: false,
      concurrency: 4,
    });
  });

  it('checks header names and values, and the secret token', () => {
    const bad = (patch: Partial<ReplayForm>) => buildReplayInput(form(patch), several, null).errors;
    expect(bad({ keepHeaders: 'User Agent' }).keepHeaders).toMatch(/not a header name/);
    expect(bad({ headers: [{ key: 1, name: '', value: 'x' }] }).headers).toMatch(/needs a name/);
    expect(bad({ headers: [{ key: 1, name: 'X-A', value: 'a\r\nX-B: b' }] }).headers).toMatch(/line break/);
    expect(bad({ secretToken: 'x'.repeat(257) }).secretToken).toMatch(/1–256/);
    expect(bad({ concurrency: '1.5' }).concurrency).toBeDefined();
    expect(bad({ concurrency: '0' }).concurrency).toBeDefined();
    expect(bad({ rate: 'fast' }).rate).toBeDefined();
    expect(bad({ rate: '10001' }).rate).toBeDefined();
  });

  it("sends the profile's secret instead of a typed one, only when that profile keeps one", () => {
    const ticked = form({ secretFromProfile: true, secretToken: 'bad token!' });
    const { input, errors } = buildReplayInput(ticked, several, null, 7);
    expect(errors).toEqual({});
    expect(input).toMatchObject({ secretFromProfileId: 7 });
    expect(input).not.toHaveProperty('secretToken');
    // No profile to lend a secret: the box counts for nothing and the typed token is checked again.
    expect(buildReplayInput(ticked, several, null, null).errors.secretToken).toMatch(/1–256/);
    const typed = buildReplayInput(form({ secretToken: 'tok' }), several, null, 7).input;
    expect(typed).toMatchObject({ secretToken: 'tok' });
    expect(typed).not.toHaveProperty('secretFromProfileId');
  });
});

describe('editableBody', () => {
  it('keeps the body’s text exactly as it came, and says why a body cannot be edited', () => {
    expect(editableBody(makeDetail(3))).toEqual({ text: '{"update_id":3,"text":"message 3"}' });
    expect(
      editableBody(makeDetail(3, { body: { base64: btoa('{oops'), text: '{oops', omitted: false } })),
    ).toEqual({ text: '{oops' });
    expect(
      editableBody(makeDetail(3, { body: { base64: '/wA=', text: null, omitted: false } })),
    ).toHaveProperty('reason');
    expect(editableBody(makeDetail(3, { body: { base64: '', text: null, omitted: true } }))).toHaveProperty(
      'reason',
    );
  });
});

describe('laterProgress', () => {
  it('keeps an ended job ended and never lets done go back', () => {
    const finished = makeReplayProgress({ done: 3, state: 'finished' });
    expect(laterProgress(finished, makeReplayProgress({ done: 2 }))).toBe(finished);
    const two = makeReplayProgress({ done: 2 });
    expect(laterProgress(two, makeReplayProgress({ done: 1 }))).toBe(two);
    const cancelled = makeReplayProgress({ done: 2, state: 'cancelled' });
    expect(laterProgress(two, cancelled)).toBe(cancelled);
  });
});
