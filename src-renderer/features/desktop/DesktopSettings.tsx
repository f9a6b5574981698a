import { useEffect } from 'react';
import { useStore } from 'zustand';
import { Checkbox } from '../../components/Checkbox';
import type { DesktopStore } from './store';

/** The desktop app's own settings; nothing in a browser. */
export function DesktopSettings({ store }: { store: DesktopStore }) {
  const shell = useStore(store, (state) => state.shell);
  const preferences = useStore(store, (state) => state.preferences);
  const error = useStore(store, (state) => state.error?.message ?? null);
  const saving = useStore(store, (state) => state.saving);

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  if (shell === null) return null;
  return (
    <section className="panel" data-testid="desktop-settings" aria-label="Desktop app">
      <h3>Desktop app</h3>
      <Checkbox
        className="check-row"
        testId="desktop-notify"
        checked={preferences?.notifyNewDeliveries ?? false}
        disabled={preferences === null || saving}
        onChecked={(notifyNewDeliveries) => void store.getState().set({ notifyNewDeliveries })}
      >
        {' '}
        Notify me of new deliveries while the window is in the background (at most one notification every 15
        seconds)
      </Checkbox>
      {error !== null && (
        <p className="error-text small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
