import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import './toast.css';
import { dismissToast, type Toast, toastStore } from './toastStore';

/** How long the fade-out lasts before the toast leaves the page (matches toast.css). */
export const TOAST_FADE_MS = 300;

/** The corner where toasts appear; mounted once by the app. See toastStore for the API. */
export function Toaster() {
  const toasts = useStore(toastStore, (state) => state.toasts);
  return (
    // Always in the page, even empty: a live region added together with its text is often not read.
    <section className="toaster" aria-live="polite" aria-label="Notifications" data-testid="toaster">
      {toasts.map((item) => (
        <ToastView key={item.id} toast={item} />
      ))}
    </section>
  );
}

function ToastView({ toast }: { toast: Toast }) {
  const [held, setHeld] = useState(false);
  const [leaving, setLeaving] = useState(false);

  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => setLeaving(true), toast.durationMs);
    return () => clearTimeout(timer);
  }, [held, toast.durationMs]);

  useEffect(() => {
    if (!leaving) return;
    const timer = setTimeout(() => dismissToast(toast.id), TOAST_FADE_MS);
    return () => clearTimeout(timer);
  }, [leaving, toast.id]);

  const hold = () => {
    setHeld(true);
    setLeaving(false);
  };

  return (
    // Pointer and focus only hold the toast on screen; it is a status or alert message, not a control.
    // biome-ignore lint/a11y/noStaticElementInteractions: see above
    <div
      className={`toast toast-${toast.tone}${leaving ? ' toast-leaving' : ''}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      data-testid={toast.testId}
      onPointerEnter={hold}
      onPointerLeave={() => setHeld(false)}
      onFocus={hold}
      onBlur={() => setHeld(false)}
    >
      <div className="toast-message">{toast.message}</div>
      {toast.action !== null && <div className="toast-action">{toast.action}</div>}
      <button
        type="button"
        className="toast-close"
        aria-label="Dismiss notification"
        onClick={() => dismissToast(toast.id)}
      >
        ×
      </button>
    </div>
  );
}
