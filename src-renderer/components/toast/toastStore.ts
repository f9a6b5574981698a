import type { ReactNode } from 'react';
import { createStore } from 'zustand/vanilla';

/**
 * Short-lived messages that fade by themselves and never block the page.
 *
 * Usage, from anywhere in the renderer (no provider needed):
 *
 *   import { toast } from '../../components/toast/toastStore';
 *   toast('Webhook set.');                                  // success, fades after 5 s
 *   toast('Could not copy', { tone: 'error' });             // an error tone
 *   toast(<>Inbox created: <code>{url}</code></>, {         // any content, with an action
 *     action: <CopyButton text={url} label="Copy URL" />,
 *     durationMs: 10_000,
 *   });
 *
 * `<Toaster />` (mounted once by the app) shows them in an aria-live region in
 * a corner, so screen readers read them without moving focus. A toast stays
 * while the pointer or focus is on it, then fades; `dismissToast(id)` ends one early.
 */
export type ToastTone = 'success' | 'info' | 'error';

export interface ToastOptions {
  tone?: ToastTone;
  /** How long it stays once nobody is pointing at it; 5 s by default. */
  durationMs?: number;
  /** A control beside the message (a Copy button, an Undo). */
  action?: ReactNode;
  /** Shown as data-testid on the toast, for tests and e2e scripts. */
  testId?: string;
}

export interface Toast {
  id: number;
  message: ReactNode;
  tone: ToastTone;
  durationMs: number;
  action: ReactNode;
  testId: string | undefined;
}

export interface ToastState {
  toasts: readonly Toast[];
}

export const DEFAULT_TOAST_MS = 5000;
/** Older toasts give way: a burst of messages must not grow a column over the page. */
export const MAX_TOASTS = 4;

export const toastStore = createStore<ToastState>()(() => ({ toasts: [] }));

let nextId = 1;

/** Shows a message; returns its id (for dismissToast). */
export function toast(message: ReactNode, options: ToastOptions = {}): number {
  const id = nextId++;
  const entry: Toast = {
    id,
    message,
    tone: options.tone ?? 'success',
    durationMs: options.durationMs ?? DEFAULT_TOAST_MS,
    action: options.action ?? null,
    testId: options.testId,
  };
  toastStore.setState((state) => ({ toasts: [...state.toasts, entry].slice(-MAX_TOASTS) }));
  return id;
}

export function dismissToast(id: number): void {
  toastStore.setState((state) => ({ toasts: state.toasts.filter((item) => item.id !== id) }));
}

/** Removes every toast: a workspace switch, or a test starting clean. */
export function clearToasts(): void {
  toastStore.setState({ toasts: [] });
}
