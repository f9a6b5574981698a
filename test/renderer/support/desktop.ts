import type { DesktopBridge, DesktopMethodName, Envelope, MenuCommand } from '@contract';
import { vi } from 'vitest';
import { createDesktopShell, createNativeFiles } from '../../../src-renderer/api/desktopShell';

type Answers = Partial<Record<DesktopMethodName, (input: unknown) => unknown>>;

/**
 * The preload's desktop object as the main process answers it, each method
 * by `answers` (an answer that throws becomes the error envelope); a test
 * plays menu commands with `menu`.
 */
export function fakeDesktop(answers: Answers = {}) {
  const listeners = new Set<(command: MenuCommand) => void>();
  const invoke = vi.fn(async (method: DesktopMethodName, input: unknown): Promise<Envelope<unknown>> => {
    const answer = answers[method];
    if (answer === undefined) return { ok: false, error: { error: 'unknown-method', message: method } };
    try {
      return { ok: true, value: await answer(input) };
    } catch (error) {
      return { ok: false, error: { error: 'bad-input', message: (error as Error).message } };
    }
  });
  const bridge: DesktopBridge = {
    invoke,
    onMenuCommand: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    bridge,
    invoke,
    files: createNativeFiles(bridge),
    shell: createDesktopShell(bridge),
    menu: (command: MenuCommand) => {
      for (const listener of listeners) listener(command);
    },
  };
}
