import { javascriptLanguage } from '@codemirror/lang-javascript';
import type { Diagnostic } from '@codemirror/lint';

/** Errors past this many are not marked: one typo early on can make the rest of a long body unreadable to the parser. */
const MAX_MARKED = 20;

/**
 * Syntax errors in a command's body, from the same incremental parser that
 * highlights it. `new Function` would give the engine's own message, but the
 * renderer's Content-Security-Policy has no 'unsafe-eval', rightly; the
 * parser recovers from an error and goes on, so every broken spot is marked.
 * A body runs inside a function (see the command runtime), so a `return` at
 * the top level is fine, as the parser also takes it.
 */
export function syntaxProblems(text: string): Diagnostic[] {
  const tree = javascriptLanguage.parser.parse(text);
  const found: Diagnostic[] = [];
  tree.iterate({
    enter(node) {
      if (found.length >= MAX_MARKED) return false;
      if (!node.type.isError) return undefined;
      // An error node is often empty (something is missing here): mark the character it stands before.
      const from = Math.min(node.from, Math.max(0, text.length - 1));
      const to = Math.min(text.length, Math.max(node.to, from + 1));
      found.push({ from, to, severity: 'error', message: describe(text, node.from, node.to) });
      return false;
    },
  });
  return found;
}

function describe(text: string, from: number, to: number): string {
  if (from >= text.length)
    return 'Syntax error: the code ends too early (a bracket, quote or statement is not closed).';
  const near =
    text
      .slice(from, Math.max(to, from + 1))
      .split('\n')[0]
      ?.slice(0, 20) ?? '';
  const { line, column } = position(text, from);
  return `Syntax error at line ${line}, column ${column}: unexpected ${JSON.stringify(near)}.`;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
