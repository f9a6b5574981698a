import type { AppInfo, Service, StoreStatus } from '@contract';

export interface AppDeps {
  info: AppInfo;
  status: () => StoreStatus;
}

/** About this inspector: what it is and whether its store can be reached. */
export function appMethods({ info, status }: AppDeps): Pick<Service, 'app.info' | 'app.status'> {
  return {
    'app.info': () => ({ ...info }),

    'app.status': () => status(),
  };
}
