import { afterEach } from 'vitest';
import { clearToasts } from '../../../src-renderer/components/toast/toastStore';

// The app writes its deep link into the address (#/d/3?inbox=shop) and shows toasts from a
// module-level store: neither may carry over into the next test of a file.
afterEach(() => {
  window.history.replaceState(null, '', '/');
  clearToasts();
});
