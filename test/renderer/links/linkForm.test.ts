import { describe, expect, it } from 'vitest';
import { checkLinkForm, EMPTY_LINK_FORM, type LinkForm } from '../../../src-renderer/features/links/linkForm';
import { paramProblems, RESERVED_PARAMS } from '../../../src-renderer/features/links/params';

const form = (overrides: Partial<LinkForm>): LinkForm => ({
  ...EMPTY_LINK_FORM,
  command: 'syncGameData',
  userId: '123',
  ...overrides,
});

const problems = (overrides: Partial<LinkForm>) => {
  const checked = checkLinkForm(form(overrides));
  if (checked.ok) throw new Error('expected the form to be refused');
  return checked.problems;
};

const row = (id: number, key: string, value = 'x') => ({ id, key, value });

describe('checkLinkForm', () => {
  it("builds links.sign's input: options as the JSON text, params as pairs, a numeric user as a number", () => {
    const checked = checkLinkForm(
      form({
        userId: ' 123 ',
        options: '{ "level": 10 }\n',
        params: [row(1, 'ref', 'profile'), row(2, '', ''), row(3, 'lang', 'en')],
        redirect: 'https://telebothost.com',
        expiresIn: '3600',
      }),
    );
    expect(checked).toEqual({
      ok: true,
      input: {
        command: 'syncGameData',
        userId: 123,
        options: '{ "level": 10 }',
        params: [
          ['ref', 'profile'],
          ['lang', 'en'],
        ],
        redirect: 'https://telebothost.com',
        expiresIn: 3600,
      },
    });
  });

  it('leaves out what is empty, and keeps a non-numeric user id as text', () => {
    expect(checkLinkForm(form({ userId: 'u-42' }))).toEqual({
      ok: true,
      input: { command: 'syncGameData', userId: 'u-42', params: [] },
    });
  });

  it('refuses options that are not JSON, saying why', () => {
    expect(problems({ options: '{ level: 10 }' }).options).toMatch(/^Not valid JSON: /);
  });

  it('refuses reserved, duplicate, nameless and array params', () => {
    for (const name of RESERVED_PARAMS) {
      expect(paramProblems([row(1, name)]).get(1)).toBe(`“${name}” is reserved for the link's own fields.`);
    }
    const found = paramProblems([row(1, 'ref'), row(2, 'ref'), row(3, '', 'orphan'), row(4, 'tags[]')]);
    expect([...found]).toEqual([
      [2, '“ref” is already a parameter; each name once.'],
      [3, 'A parameter needs a name.'],
      [4, '“tags[]”: array parameters (name[]) are not signed.'],
    ]);
  });

  it('refuses a redirect that is not absolute https, and a bad expiry', () => {
    expect(problems({ redirect: 'http://example.com' }).redirect).toBe(
      'Only https:// redirects; this one is http://.',
    );
    expect(problems({ redirect: '/relative' }).redirect).toBe(
      'Not a URL: a redirect is an absolute https:// address.',
    );
    const bad = 'A whole number of seconds, more than 0, or "never".';
    expect(problems({ expiresIn: '0' }).expiresIn).toBe(bad);
    expect(problems({ expiresIn: '1.5' }).expiresIn).toBe(bad);
  });

  it('leaves the expiry to the default when empty, and signs a link that never expires for "never"', () => {
    const base = { command: 'hello', userId: '42' };
    const input = (expiresIn: string) => {
      const checked = checkLinkForm({ ...EMPTY_LINK_FORM, ...base, expiresIn });
      return checked.ok ? checked.input : null;
    };
    expect(input('')).not.toHaveProperty('expiresIn');
    expect(input(' Never ')).toMatchObject({ expiresIn: null });
    expect(input('60')).toMatchObject({ expiresIn: 60 });
  });

  it('needs a valid command name and a user', () => {
    expect(problems({ command: '', userId: '' })).toMatchObject({
      command: 'Choose or type the command the link runs.',
      userId: 'Enter the user id the link is for.',
    });
    expect(problems({ command: 'two words' }).command).toMatch(/“ ” is not allowed/);
  });
});
