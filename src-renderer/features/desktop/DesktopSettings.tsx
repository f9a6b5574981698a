import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { DesktopStore } from './store';

/** The desktop app's own settings; nothing in a browser. */
export function DesktopSettings({ store }: { store: DesktopStore }) {
  const shell = useStore(store, (state) => state.shell);
  const preferences = useStore(store, (state) => state.preferences);
  const error = useStore(store, (state) => state.error);
  const saving = useStore(store, (state) => state.saving);

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  if (shell === null) return null;
  return (
    <section className="panel" data-testid="desktop-settings" aria-label="Desktop app">
      <h3>Desktop app</h3>
      <label className="check-row">
        <input
          type="checkbox"
          data-testid="desktop-notify"
          checked={preferences?.notifyNewDeliveries ?? false}
          disabled={preferences === null || saving}
          onChange={(event) => void store.getState().set({ notifyNewDeliveries: event.target.checked })}
        />{' '}
        Notify me of new deliveries while the window is in the background (at most one notification every 15
        seconds)
      </label>
      {error !== null && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
