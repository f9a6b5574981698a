/**
 * Text from outside (a user's name, a header, a body) split so that the
 * characters that hide or reorder text can be shown instead of obeyed: a
 * right-to-left override in a last name would otherwise make user id 501
 * read "105" wherever the name is followed by more text.
 */
export type TextPart =
  | { kind: 'text'; at: number; text: string }
  /** `marker` is what is shown: `\u001B` for a C0 control, `⟨U+202E⟩` for the rest. */
  | { kind: 'control'; at: number; marker: string; name: string };

const FORMAT_NAMES: Readonly<Record<number, string>> = {
  1564: 'ARABIC LETTER MARK',
  8203: 'ZERO WIDTH SPACE',
  8206: 'LEFT-TO-RIGHT MARK',
  8207: 'RIGHT-TO-LEFT MARK',
  8232: 'LINE SEPARATOR',
  8233: 'PARAGRAPH SEPARATOR',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8288: 'WORD JOINER',
  8289: 'FUNCTION APPLICATION',
  8290: 'INVISIBLE TIMES',
  8291: 'INVISIBLE SEPARATOR',
  8292: 'INVISIBLE PLUS',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
  65279: 'ZERO WIDTH NO-BREAK SPACE',
  65529: 'INTERLINEAR ANNOTATION ANCHOR',
  65530: 'INTERLINEAR ANNOTATION SEPARATOR',
  65531: 'INTERLINEAR ANNOTATION TERMINATOR',
};

// The escapes JSON uses, so a control reads the same here as in the JSON tab.
const C0_ESCAPES: Readonly<Record<number, string>> = { 8: '\\b', 12: '\\f', 13: '\\r' };

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Tab and line feed lay text out, and so does a CR that ends a line (CRLF);
 * every other C0 or C1 control, DEL, and the bidi and invisible formatting
 * characters are shown. Joiners (U+200C, U+200D) are left alone: emoji and
 * many scripts need them.
 */
function isShown(code: number, next: number): boolean {
  if (code < 0x20) return code !== TAB && code !== LF && !(code === CR && next === LF);
  if (code >= 0x7f && code <= 0x9f) return true;
  if (code >= 0x206a && code <= 0x206f) return true;
  return FORMAT_NAMES[code] !== undefined;
}

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

function control(code: number, at: number): TextPart {
  if (code < 0x20 || code === 0x7f) {
    return {
      kind: 'control',
      at,
      marker: C0_ESCAPES[code] ?? `\\u${hex(code)}`,
      name: `U+${hex(code)} control`,
    };
  }
  const name = FORMAT_NAMES[code] ?? (code <= 0x9f ? 'control' : 'deprecated format character');
  return { kind: 'control', at, marker: `⟨U+${hex(code)}⟩`, name: `U+${hex(code)} ${name}` };
}

/** The text as runs of plain text and visible markers, in order; one text part when there is nothing to show. */
export function revealControls(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isShown(code, text.charCodeAt(i + 1))) continue;
    if (i > start) parts.push({ kind: 'text', at: start, text: text.slice(start, i) });
    parts.push(control(code, i));
    start = i + 1;
  }
  if (start < text.length || parts.length === 0)
    parts.push({ kind: 'text', at: start, text: text.slice(start) });
  return parts;
}
