import { type KeyboardEvent, useLayoutEffect, useRef } from 'react';
import { matches } from '../shortcuts/registry';
import { indent, outdent, type TextEdit } from './indent';

interface CodeEditorProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  rows?: number;
  describedBy?: string;
}

/**
 * A monospace textarea where Tab indents and Shift+Tab outdents, as in a code
 * editor. Tab would otherwise be the only way out for a keyboard user, so
 * Escape hands it back: Escape, then Tab, moves focus on.
 */
export function CodeEditor({ id, value, onChange, testId, rows = 16, describedBy }: CodeEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const tabLeaves = useRef(false);
  // The selection to restore once React has written the edited text (setting the value moves the caret to the end).
  const pendingSelection = useRef<{ start: number; end: number } | null>(null);

  useLayoutEffect(() => {
    const selection = pendingSelection.current;
    if (selection === null || ref.current === null) return;
    pendingSelection.current = null;
    ref.current.setSelectionRange(selection.start, selection.end);
  });

  const apply = (edit: TextEdit) => {
    pendingSelection.current = { start: edit.start, end: edit.end };
    onChange(edit.text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (matches('commands.leave', event)) {
      tabLeaves.current = true;
      return;
    }
    const leave = tabLeaves.current;
    tabLeaves.current = false;
    const out = matches('commands.outdent', event);
    if (leave || (!out && !matches('commands.indent', event))) return;
    event.preventDefault();
    const { selectionStart, selectionEnd } = event.currentTarget;
    apply((out ? outdent : indent)(value, selectionStart, selectionEnd));
  };

  return (
    <textarea
      ref={ref}
      id={id}
      className="code-editor"
      data-testid={testId}
      value={value}
      rows={rows}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      autoCorrect="off"
      wrap="off"
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
