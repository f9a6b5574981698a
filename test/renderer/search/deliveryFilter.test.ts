import { Platform, Problem } from '@contract';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isNarrowed, listInput, normalizeFilter } from '../../../src-renderer/features/deliveries/filter';
import {
  EMPTY_FORM,
  type FilterForm,
  filterToForm,
  formToFilter,
  localToIso,
  PLATFORM_LABELS,
  PROBLEM_CODES,
} from '../../../src-renderer/features/search/filterForm';

const form = (fields: Partial<FilterForm>): FilterForm => ({ ...EMPTY_FORM, ...fields });

/** The form as `deliveries.list` gets it for the first page. */
const inputFor = (fields: Partial<FilterForm>, inbox: string | null = null) => {
  const { filter, errors } = formToFilter(form(fields), inbox);
  expect(errors).toEqual({});
  return listInput(filter, { limit: 200 });
};

// Offsets are the viewer's: pin the zone so the expected strings hold anywhere.
beforeEach(() => {
  vi.stubEnv('TZ', 'Asia/Kolkata'); // +05:30 all year
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('search form → deliveries.list input', () => {
  it('sends only the limit for an empty form, and the inbox when one is chosen', () => {
    expect(inputFor({})).toEqual({ limit: 200 });
    expect(Object.keys(inputFor({}))).toEqual(['limit']);
    expect(inputFor({}, 'shop')).toEqual({ limit: 200, inbox: 'shop' });
  });

  it('leaves out empty and blank fields instead of sending them', () => {
    const input = inputFor({ query: '   ', kind: '', userId: ' ', chatId: '', from: '', to: '' });
    expect(input).toEqual({ limit: 200 });
    expect(Object.keys(input)).toEqual(['limit']);
  });

  it('trims text and sends every field that is set', () => {
    expect(
      inputFor(
        {
          query: '  hello world ',
          kind: ' callback_query ',
          platform: 'telegram',
          userId: ' 42 ',
          chatId: '-1001',
        },
        'shop',
      ),
    ).toEqual({
      limit: 200,
      inbox: 'shop',
      query: 'hello world',
      kind: 'callback_query',
      platform: 'telegram',
      userId: '42',
      chatId: '-1001',
    });
  });

  it('sends a status class as text and an exact status as a number', () => {
    expect(inputFor({ status: '4xx' })).toEqual({ limit: 200, status: '4xx' });
    expect(inputFor({ status: '5XX' })).toEqual({ limit: 200, status: '5xx' });
    expect(inputFor({ status: ' 404 ' })).toEqual({ limit: 200, status: 404 });
    expect(inputFor({ status: '200' }).status).toBeTypeOf('number');
  });

  it('refuses a status that is neither a code from 100 to 599 nor a class', () => {
    for (const status of ['abc', '4x', '6xx', '99', '600', '40.4', '1e2']) {
      const { filter, errors } = formToFilter(form({ status }));
      expect(errors.status, status).toMatch(/100 to 599/);
      expect(filter.status).toBeUndefined();
    }
  });

  it('sends problem none, any or a code as chosen', () => {
    expect(inputFor({ problem: 'none' })).toEqual({ limit: 200, problem: 'none' });
    expect(inputFor({ problem: 'any' })).toEqual({ limit: 200, problem: 'any' });
    expect(inputFor({ problem: 'duplicate' })).toEqual({ limit: 200, problem: 'duplicate' });
    expect(inputFor({ problem: 'bad-secret' })).toEqual({ limit: 200, problem: 'bad-secret' });
    expect(formToFilter(form({ problem: 'nonsense' })).errors.problem).toBeDefined();
  });

  it('turns from/to into ISO times with the local offset; "to" takes in its whole second', () => {
    expect(inputFor({ from: '2024-03-05T14:30', to: '2024-03-05T18:00:15' })).toEqual({
      limit: 200,
      from: '2024-03-05T14:30:00+05:30',
      to: '2024-03-05T18:00:15.999+05:30',
    });
    // The offsets stand for the same instants the user picked.
    expect(Date.parse('2024-03-05T14:30:00+05:30')).toBe(Date.UTC(2024, 2, 5, 9, 0, 0));
  });

  it('uses the offset in force at that date, west of UTC too', () => {
    vi.stubEnv('TZ', 'America/New_York');
    expect(localToIso('2024-01-15T08:00')).toBe('2024-01-15T08:00:00-05:00');
    expect(localToIso('2024-07-15T08:00')).toBe('2024-07-15T08:00:00-04:00');
    vi.stubEnv('TZ', 'UTC');
    expect(localToIso('2024-07-15T08:00:01')).toBe('2024-07-15T08:00:01+00:00');
  });

  it('refuses dates that are not dates, and a range that ends before it starts', () => {
    expect(localToIso('2024-02-30T10:00')).toBeNull();
    expect(localToIso('yesterday')).toBeNull();
    expect(formToFilter(form({ from: 'soon' })).errors.from).toMatch(/not a date/);
    const backwards = formToFilter(form({ from: '2024-03-05T10:00', to: '2024-03-05T09:00' }));
    expect(backwards.errors.to).toMatch(/before From/);
  });

  it('refuses over-long text the contract would reject', () => {
    expect(formToFilter(form({ query: 'x'.repeat(501) })).errors.query).toBeDefined();
    expect(formToFilter(form({ kind: 'k'.repeat(65) })).errors.kind).toBeDefined();
    expect(formToFilter(form({ userId: '1'.repeat(65) })).errors.userId).toBeDefined();
  });

  it('comes back as the same form from the filter it made (the bar remounting)', () => {
    const fields = form({
      query: 'hello',
      kind: 'message',
      platform: 'solafon',
      status: '404',
      problem: 'none',
      userId: '42',
      chatId: '7',
      from: '2024-03-05T14:30:00',
      to: '2024-03-05T18:00:15',
    });
    const { filter } = formToFilter(fields);
    expect(filterToForm(filter)).toEqual(fields);
    expect(formToFilter(filterToForm(filter)).filter).toEqual(filter);
  });

  it('follows the contract: every platform and problem code is offered', () => {
    expect(Object.keys(PLATFORM_LABELS).sort()).toEqual([...Platform.options].sort());
    expect([...PROBLEM_CODES].sort()).toEqual([...Problem.options].sort());
  });
});

describe('deliveries filter', () => {
  it('is narrowed only by something beyond the inbox', () => {
    expect(isNarrowed({})).toBe(false);
    expect(isNarrowed({ inbox: 'shop' })).toBe(false);
    expect(isNarrowed({ inbox: 'shop', query: 'hi' })).toBe(true);
    expect(isNarrowed({ status: 404 })).toBe(true);
    expect(isNarrowed({ problem: 'none' })).toBe(true);
  });

  it('normalizes to the same shape whatever order or blanks it came with', () => {
    expect(normalizeFilter({ query: '  ', kind: 'message', inbox: 'a' })).toEqual({
      inbox: 'a',
      kind: 'message',
    });
    expect(listInput({ inbox: 'a' }, { limit: 1000, after: 12, before: 40 })).toEqual({
      limit: 1000,
      inbox: 'a',
      before: 40,
      after: 12,
    });
  });
});
