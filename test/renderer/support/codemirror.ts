import { EditorView } from '@codemirror/view';
import { act, screen } from '@testing-library/react';
import { afterAll, beforeAll } from 'vitest';

/**
 * jsdom does no layout and has no client rects on ranges, which CodeMirror
 * measures after each update: give ranges empty rects for the calling file.
 */
export function installCodeMirrorStubs(): void {
  const proto = Range.prototype as unknown as Record<string, unknown>;
  const saved = { getClientRects: proto.getClientRects, getBoundingClientRect: proto.getBoundingClientRect };
  beforeAll(() => {
    proto.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] });
    proto.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
  });
  afterAll(() => {
    proto.getClientRects = saved.getClientRects;
    proto.getBoundingClientRect = saved.getBoundingClientRect;
  });
}

/** The shadow root the editor in the element with this test id lives in (queries do not reach into it). */
export function editorRoot(testId: string): ShadowRoot {
  const root = screen.getByTestId(testId).shadowRoot;
  if (root === null) throw new Error(`${testId} holds no shadow root`);
  return root;
}

/** The CodeMirror view inside the element with this test id (the editor's host). */
export function editorView(testId: string): EditorView {
  const dom = editorRoot(testId).querySelector<HTMLElement>('.cm-editor');
  const view = dom === null ? null : EditorView.findFromDOM(dom);
  if (view === null) throw new Error(`No CodeMirror editor in ${testId}`);
  return view;
}

/** Replaces the whole text, as typing would (the editor's listeners see a user change). */
export function replaceText(view: EditorView, text: string): void {
  act(() =>
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input' }),
  );
}
