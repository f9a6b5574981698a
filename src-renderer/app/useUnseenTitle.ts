import { useEffect } from 'react';
import { unseenCount } from '../features/deliveries/follow';
import type { Stores } from './allStores';

export const APP_TITLE = 'Bot Webhook Inspector';

/** "(3) Bot Webhook Inspector": what arrived while the list was paused or the page in the background. */
export function titleFor(unseen: number): string {
  return unseen > 0 ? `(${unseen}) ${APP_TITLE}` : APP_TITLE;
}

/** Keeps the window title's count of unseen deliveries (the tab strip, the taskbar) up to date. */
export function useUnseenTitle(stores: Stores): void {
  useEffect(() => {
    const { deliveries, follow } = stores;
    const update = () => {
      document.title = titleFor(unseenCount(follow.getState(), deliveries.getState().arrived));
    };
    const onVisibility = () => follow.getState().setAway(document.visibilityState === 'hidden');
    onVisibility();
    update();
    document.addEventListener('visibilitychange', onVisibility);
    const stops = [
      deliveries.subscribe((state, previous) => {
        if (state.arrived !== previous.arrived) update();
      }),
      follow.subscribe(update),
    ];
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      for (const stop of stops) stop();
      document.title = APP_TITLE;
    };
  }, [stores]);
}
