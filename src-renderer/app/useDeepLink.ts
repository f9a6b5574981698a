import { useEffect } from 'react';
import { formatHash, parseHash } from '../features/deeplinks/hashRoute';
import { sameFilter } from '../features/deliveries/filter';
import type { Stores } from './allStores';

/**
 * Keeps the address bar's hash and the deliveries view in step: a link opened in a new tab (or
 * typed, or Back) selects its delivery and applies its filter; selecting a delivery or changing
 * the search rewrites the hash in place (replaceState: no history entry per click).
 */
export function useDeepLink(stores: Stores): void {
  useEffect(() => {
    const apply = () => {
      const route = parseHash(window.location.hash);
      if (route === null) return;
      const deliveries = stores.deliveries.getState();
      if (route.filter !== null && !sameFilter(route.filter, deliveries.filter)) {
        deliveries.setFilter(route.filter);
      }
      if (route.deliveryId !== null) stores.selection.getState().open(route.deliveryId);
      stores.navigation.getState().show('deliveries');
    };
    apply();
    window.addEventListener('hashchange', apply);

    const rewrite = () => {
      const hash = formatHash({
        deliveryId: stores.selection.getState().openId,
        filter: stores.deliveries.getState().filter,
      });
      if (hash === window.location.hash) return;
      const { pathname, search } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
    };
    const unsubscribe = [
      stores.deliveries.subscribe((state, previous) => {
        if (state.filter !== previous.filter) rewrite();
      }),
      stores.selection.subscribe((state, previous) => {
        if (state.openId !== previous.openId) rewrite();
      }),
    ];
    return () => {
      window.removeEventListener('hashchange', apply);
      for (const stop of unsubscribe) stop();
    };
  }, [stores]);
}
