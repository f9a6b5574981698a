import { describe, expect, it } from 'vitest';
import { syntaxProblems } from '../../../src-renderer/features/commands/syntaxCheck';

describe('syntaxProblems (the command editor’s lint source)', () => {
  it('finds nothing in valid bodies, a top-level return included (a body runs inside a function)', () => {
    for (const body of [
      'res.json({ ok: true });',
      'return;',
      'if (!user) return res.status(403).text("no");\nApi.sendMessage({ text: `hi ` + user.name });',
      '',
    ]) {
      expect(syntaxProblems(body), body).toEqual([]);
    }
  });

  it('marks where the text breaks, with the line and column', () => {
    expect(syntaxProblems('const a = 1;\nres.json({ ok: true );')).toEqual([
      {
        from: 33,
        to: 34,
        severity: 'error',
        message: 'Syntax error at line 2, column 21: unexpected ")".',
      },
    ]);
  });

  it('says when the text ends too early, marking its last character', () => {
    const [problem] = syntaxProblems('res.json(');
    expect(problem).toMatchObject({ from: 8, to: 9, severity: 'error' });
    expect(problem?.message).toContain('ends too early');
  });

  it('marks at most twenty errors, however broken the text', () => {
    expect(syntaxProblems(')'.repeat(500)).length).toBeLessThanOrEqual(20);
  });
});
