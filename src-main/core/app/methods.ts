import type { AppInfo, Service, StoreStatus, Whoami } from '@contract';

export interface AppDeps {
  info: AppInfo;
  status: () => StoreStatus;
  /** `team` on a team server (PostgreSQL), `local` on the app's own SQLite. */
  mode: Whoami['mode'];
}

/** About this inspector: what it is, whether its store can be reached, and who is calling. */
export function appMethods({
  info,
  status,
  mode,
}: AppDeps): Pick<Service, 'app.info' | 'app.status' | 'app.whoami'> {
  return {
    'app.info': () => ({ ...info }),

    'app.status': () => status(),

    // Nobody in particular: on the local app there is one user; on a team server
    // the gate (team/gate.ts) knows the token's person and answers with it.
    'app.whoami': () => ({ mode, person: null }),
  };
}
