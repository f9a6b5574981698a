import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { nextIndex } from '../../../src-renderer/features/deliveries/navigation';
import { keyLabel, matches, SHORTCUTS } from '../../../src-renderer/features/shortcuts/registry';
import { renderApp } from '../support/app';
import { settle } from '../support/fakeClient';
import { installFakeLayout } from '../support/layout';

installFakeLayout();
afterEach(cleanup);

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('shortcut registry', () => {
  it('matches keys with their modifiers', () => {
    expect(matches('compose.send', key('Enter', { ctrlKey: true }))).toBe(true);
    expect(matches('compose.send', key('Enter', { metaKey: true }))).toBe(true);
    expect(matches('compose.send', key('Enter'))).toBe(false);
    expect(matches('commands.save', key('S', { ctrlKey: true }))).toBe(true);
    expect(matches('list.down', key('j'))).toBe(true);
    expect(matches('list.down', key('J', { shiftKey: true }))).toBe(false);
    expect(matches('list.down', key('j', { ctrlKey: true }))).toBe(false);
    expect(matches('help.open', key('?', { shiftKey: true }))).toBe(true);
    expect(matches('commands.outdent', key('Tab'))).toBe(false);
    expect(matches('commands.outdent', key('Tab', { shiftKey: true }))).toBe(true);
    expect(keyLabel('Mod+Enter')).toBe('Ctrl/⌘ + Enter');
  });

  it('drives the list’s keys, so the list of shortcuts is what the keys do', () => {
    expect(nextIndex(key('j'), 3, 10, 5)).toBe(4);
    expect(nextIndex(key('ArrowUp'), 3, 10, 5)).toBe(2);
    expect(nextIndex(key('End'), 3, 10, 5)).toBe(9);
    expect(nextIndex(key('x'), 3, 10, 5)).toBeNull();
  });
});

describe('shortcuts dialog', () => {
  it('opens with ? and lists every shortcut of every panel, then closes with Escape', async () => {
    await renderApp();
    fireEvent.keyDown(document.body, { key: '?', shiftKey: true });
    const dialog = screen.getByTestId('shortcuts-dialog');
    const listed = [...dialog.querySelectorAll('dt')].map((dt) => dt.getAttribute('data-shortcut'));
    expect(listed).toEqual(SHORTCUTS.map((shortcut) => shortcut.id));
    for (const panel of ['Deliveries list', 'JSON tree', 'Compose', 'Commands', 'Search', 'Detail tabs']) {
      expect(dialog.textContent).toContain(panel);
    }
    expect(dialog.querySelector('[data-shortcut="compose.send"]')?.textContent).toBe('Ctrl/⌘ + Enter');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await act(settle);
    expect(screen.queryByTestId('shortcuts-dialog')).toBeNull();
  });

  it('leaves ? to a text field being typed in', async () => {
    await renderApp();
    fireEvent.keyDown(screen.getByTestId('search-input'), { key: '?', shiftKey: true });
    expect(screen.queryByTestId('shortcuts-dialog')).toBeNull();
  });
});
