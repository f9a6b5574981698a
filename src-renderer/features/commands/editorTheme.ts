import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

/**
 * The editor in the app's colours. Custom properties cross the shadow root
 * the editor lives in (see CodeEditor.tsx), so dark mode follows by itself;
 * the token colours are the JSON tree's.
 */
const frame = EditorView.theme({
  '&': {
    minHeight: '240px',
    maxHeight: '60vh',
    fontSize: '13px',
    color: 'var(--text)',
    backgroundColor: 'var(--bg)',
  },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5' },
  '&.cm-focused': { outline: '2px solid var(--accent)' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-gutters': {
    backgroundColor: 'var(--bg-panel)',
    borderRight: '1px solid var(--border)',
    color: 'var(--muted)',
  },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--bg-hover)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--bg-selected)' },
});

const tokens = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword],
    color: 'var(--json-key)',
  },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--json-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--json-number)' },
  { tag: [tags.propertyName, tags.function(tags.variableName)], color: 'var(--json-literal)' },
  { tag: [tags.lineComment, tags.blockComment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: tags.invalid, color: 'var(--error)' },
]);

export const editorTheme: Extension = [frame, syntaxHighlighting(tokens)];
