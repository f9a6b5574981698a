import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { JsonTree } from '../../../src-renderer/components/JsonTree';

afterEach(cleanup);

describe('JsonTree', () => {
  it('shows keys and colors each kind of value', () => {
    render(
      <JsonTree value={{ text: '/start', id: 42, ok: true, none: null, list: [1, 'two'], empty: {} }} />,
    );
    const tree = screen.getByTestId('json-tree');
    expect(tree.textContent).toContain('"text": "/start"');
    expect(tree.querySelector('.json-string')?.textContent).toBe('"/start"');
    expect(tree.querySelector('.json-number')?.textContent).toBe('42');
    expect(tree.querySelector('.json-boolean')?.textContent).toBe('true');
    expect(tree.querySelector('.json-null')?.textContent).toBe('null');
    expect(tree.textContent).toContain('"empty": {}');
    expect([...tree.querySelectorAll('.json-key')].map((key) => key.textContent)).toEqual([
      '"text": ',
      '"id": ',
      '"ok": ',
      '"none": ',
      '"list": ',
      '"empty": ',
    ]);
  });

  it('keeps keys and strings in their own bidi island and shows the overrides in them', () => {
    render(<JsonTree value={{ 'k\u202E': 'Doe\u202E', id: 501 }} />);
    const tree = screen.getByTestId('json-tree');
    expect(tree.querySelector('.json-key bdi')?.textContent).toBe('"k⟨U+202E⟩"');
    const value = tree.querySelector('.json-string');
    expect(value?.tagName).toBe('BDI');
    expect(value?.textContent).toBe('"Doe⟨U+202E⟩"');
    expect(value?.querySelector('.control-char')?.getAttribute('title')).toBe(
      'U+202E RIGHT-TO-LEFT OVERRIDE',
    );
    expect(tree.textContent).toContain('"id": 501');
  });

  it('collapses and expands objects and arrays', () => {
    render(<JsonTree value={{ from: { id: 42, name: 'Ada' }, list: [1, 2, 3] }} />);
    const tree = screen.getByTestId('json-tree');
    expect(tree.textContent).toContain('"Ada"');

    const [root, from, list] = within(tree).getAllByRole('button', { name: 'Collapse' });
    fireEvent.click(from as HTMLElement);
    expect(tree.textContent).not.toContain('"Ada"');
    expect(tree.textContent).toContain('2 keys');

    fireEvent.click(list as HTMLElement);
    expect(tree.textContent).toContain('3 items');

    fireEvent.click(within(tree).getByRole('button', { name: '2 keys' }));
    expect(tree.textContent).toContain('"Ada"');

    fireEvent.click(root as HTMLElement);
    expect(tree.textContent).not.toContain('"from"');
    expect(within(tree).getByRole('treeitem', { expanded: false })).toBeTruthy();
  });

  it('moves between items with the arrow keys and opens and closes them with Right and Left', () => {
    render(<JsonTree value={{ from: { id: 42 }, ok: true }} />);
    const tree = screen.getByTestId('json-tree');
    const [root, from, id, ok] = within(tree).getAllByRole('treeitem');
    // One tab stop: the root item.
    expect(root?.tabIndex).toBe(0);
    expect([from, id, ok].map((item) => item?.tabIndex)).toEqual([-1, -1, -1]);

    const key = (code: string) => fireEvent.keyDown(document.activeElement as Element, { key: code });
    root?.focus();
    key('ArrowDown');
    expect(document.activeElement).toBe(from);
    key('ArrowDown');
    expect(document.activeElement).toBe(id);
    key('ArrowLeft');
    expect(document.activeElement).toBe(from);
    key('ArrowLeft');
    expect(from?.getAttribute('aria-expanded')).toBe('false');
    expect(tree.textContent).not.toContain('42');
    key('ArrowDown');
    expect(document.activeElement).toBe(ok);
    key('Home');
    expect(document.activeElement).toBe(root);
    key('End');
    expect(document.activeElement).toBe(ok);
    key('ArrowUp');
    expect(document.activeElement).toBe(from);
    key('ArrowRight');
    expect(from?.getAttribute('aria-expanded')).toBe('true');
    expect(tree.textContent).toContain('42');
    key('ArrowRight');
    // The first child, rendered anew when the item opened.
    expect(document.activeElement?.textContent).toBe('"id": 42');
  });

  it('starts deep levels collapsed and long lists cut short', () => {
    const long = Array.from({ length: 250 }, (_, index) => index);
    render(<JsonTree value={{ a: { b: { c: { d: 'deep' } } }, long }} />);
    const tree = screen.getByTestId('json-tree');
    expect(tree.textContent).not.toContain('"deep"');
    expect(tree.textContent).toContain('1 key');
    expect(tree.querySelectorAll('.json-number')).toHaveLength(200);
    fireEvent.click(within(tree).getByRole('button', { name: 'Show 50 more' }));
    expect(tree.querySelectorAll('.json-number')).toHaveLength(250);
  });

  it('renders a bare scalar', () => {
    render(<JsonTree value="just text" />);
    expect(screen.getByTestId('json-tree').textContent).toBe('"just text"');
  });
});
