import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, indentUnit } from '@codemirror/language';
import { linter, lintGutter } from '@codemirror/lint';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { editorTheme } from './editorTheme';
import { syntaxProblems } from './syntaxCheck';

const INDENT = '  ';

/** How long typing pauses before the body is checked again. */
export const LINT_DELAY_MS = 300;

/** The lint source: the parser's error nodes, as marks under the text and in the gutter. */
export const commandLinter = linter((view) => syntaxProblems(view.state.doc.toString()), {
  delay: LINT_DELAY_MS,
});

/** Wrapping is switched without rebuilding the editor (undo history and selection stay). */
export const wrapping = new Compartment();
export const wrapExtension = (wrap: boolean): Extension => (wrap ? EditorView.lineWrapping : []);

export interface EditorOptions {
  doc: string;
  wrap: boolean;
  /** The editor's accessible name: ids cannot point across the shadow root it lives in. */
  label: string;
  testId: string | undefined;
  onChange: (text: string) => void;
}

/**
 * A command's editor: JavaScript highlighting, line numbers, syntax errors
 * marked as one types, undo, bracket matching, and Tab indenting (Escape
 * then Tab leaves the editor, CodeMirror's own rule for keyboard users).
 * No autocompletion: the few names a command can use are listed beside it.
 */
export function editorState(options: EditorOptions): EditorState {
  return EditorState.create({
    doc: options.doc,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightActiveLine(),
      drawSelection(),
      history(),
      bracketMatching(),
      indentUnit.of(INDENT),
      EditorState.tabSize.of(INDENT.length),
      javascript(),
      editorTheme,
      commandLinter,
      lintGutter(),
      keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      wrapping.of(wrapExtension(options.wrap)),
      EditorView.contentAttributes.of({
        'aria-label': options.label,
        ...(options.testId === undefined ? {} : { 'data-testid': options.testId }),
        spellcheck: 'false',
        autocapitalize: 'off',
        autocorrect: 'off',
      }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) options.onChange(update.state.doc.toString());
      }),
    ],
  });
}
