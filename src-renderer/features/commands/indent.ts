/** The text and selection after an edit, to put back into the textarea. */
export interface TextEdit {
  text: string;
  start: number;
  end: number;
}

export const INDENT = '  ';

/** Where the lines touched by [start, end) begin: a selection ending at a line's start leaves that line alone. */
function touchedLineStarts(text: string, start: number, end: number): number[] {
  const last = end > start && text[end - 1] === '\n' ? end - 1 : end;
  const starts = [text.lastIndexOf('\n', start - 1) + 1];
  for (let at = text.indexOf('\n', start); at !== -1 && at < last; at = text.indexOf('\n', at + 1)) {
    starts.push(at + 1);
  }
  return starts;
}

/** Tab: with no selection inserts an indent at the caret; with one, indents every line it touches. */
export function indent(text: string, start: number, end: number): TextEdit {
  if (start === end) {
    const caret = start + INDENT.length;
    return { text: text.slice(0, start) + INDENT + text.slice(end), start: caret, end: caret };
  }
  const starts = touchedLineStarts(text, start, end);
  let result = text;
  for (const lineStart of [...starts].reverse()) {
    result = result.slice(0, lineStart) + INDENT + result.slice(lineStart);
  }
  return { text: result, start: start + INDENT.length, end: end + INDENT.length * starts.length };
}

/** Shift+Tab: takes up to one indent (or one tab) off the start of every line the selection touches. */
export function outdent(text: string, start: number, end: number): TextEdit {
  let result = text;
  let newStart = start;
  let newEnd = end;
  for (const lineStart of touchedLineStarts(text, start, end).reverse()) {
    const line = result.slice(lineStart);
    const width = line.startsWith('\t') ? 1 : line.length - line.replace(/^ {1,2}/, '').length;
    if (width === 0) continue;
    result = result.slice(0, lineStart) + result.slice(lineStart + width);
    // The caret moves left only by what was removed before it, never past the line's start.
    newStart -= Math.max(0, Math.min(width, newStart - lineStart));
    newEnd -= Math.max(0, Math.min(width, newEnd - lineStart));
  }
  return { text: result, start: newStart, end: newEnd };
}
