/** The part of Electron's app the lock needs. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/**
 * One app per data dir: a second launch would fight the first over the
 * receiver's port and the database. The second one quits; the first is
 * told and brings its window forward. False when this is the second one.
 */
export function claimSingleInstance(app: InstanceApp, focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focusExisting);
  return true;
}
