import { useSettings } from './context';
import { formatStorage } from './storage';

/** How much room the inspector takes on disk, read when the view opens. */
export function StorageLine() {
  const storage = useSettings((state) => state.storage);
  const error = useSettings((state) => state.storageError?.message ?? null);
  const loadStorage = useSettings((state) => state.loadStorage);
  return (
    <p className="storage-line" data-testid="storage-size">
      {storage !== null && <>Storage: {formatStorage(storage)}</>}
      {storage === null && error === null && <span className="muted">Reading the database size…</span>}
      {error !== null && (
        <span className="error-text">
          Could not read the database size: {error}{' '}
          <button type="button" className="link-button" onClick={() => void loadStorage()}>
            Retry
          </button>
        </span>
      )}
    </p>
  );
}
