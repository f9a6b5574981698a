import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { editorState, wrapExtension, wrapping } from './editorSetup';

interface CodeEditorProps {
  /** The editor's accessible name. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Long lines wrap instead of scrolling sideways. */
  wrap: boolean;
  testId?: string;
}

/**
 * CodeMirror 6 in a React component, inside a shadow root of its own: there
 * CodeMirror's styles go into a constructed style sheet, which the page's
 * Content-Security-Policy (style-src 'self', no inline <style>) allows, where
 * on the document it would add a <style> element the policy blocks.
 *
 * The editor owns its text while one types; the store hears every change,
 * and a value from outside (another command opened, a reload) replaces the
 * text only when it differs.
 */
export function CodeEditor({ label, value, onChange, wrap, testId }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callback, read by the editor's listener: the editor is built once.
  const changed = useRef(onChange);
  changed.current = onChange;
  const initial = useRef({ value, wrap, label, testId });

  useEffect(() => {
    if (host.current === null) return;
    // A shadow root cannot be attached twice (StrictMode runs effects twice): reuse it.
    const root = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const first = initial.current;
    const editor = new EditorView({
      root,
      parent: root,
      state: editorState({
        doc: first.value,
        wrap: first.wrap,
        label: first.label,
        testId: first.testId,
        onChange: (text) => changed.current(text),
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (editor === null || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: wrapping.reconfigure(wrapExtension(wrap)) });
  }, [wrap]);

  return (
    <div
      ref={host}
      className="code-editor"
      data-testid={testId === undefined ? undefined : `${testId}-editor`}
    />
  );
}
