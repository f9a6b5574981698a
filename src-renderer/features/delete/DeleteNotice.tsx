import { useDelete } from './context';

/** What the last delete did, or why it failed; stays until dismissed or the next delete. */
export function DeleteNotice() {
  const notice = useDelete((state) => state.notice);
  const dismiss = useDelete((state) => state.dismiss);
  if (notice === null) return null;
  return (
    <span
      className={notice.kind === 'error' ? 'error-text' : 'muted'}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="delete-notice"
    >
      {notice.text}{' '}
      <button type="button" className="link-button" onClick={dismiss}>
        Dismiss
      </button>
    </span>
  );
}
