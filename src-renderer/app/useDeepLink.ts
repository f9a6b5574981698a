import { useEffect } from 'react';
import { formatHash, parseHash } from '../features/deeplinks/hashRoute';
import { sameFilter } from '../features/deliveries/filter';
import type { Stores } from './stores';

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
      if (route.deliveryId !== null) deliveries.select(route.deliveryId);
      stores.navigation.getState().show('deliveries');
    };
    apply();
    window.addEventListener('hashchange', apply);

    const unsubscribe = stores.deliveries.subscribe((state, previous) => {
      if (state.selectedId === previous.selectedId && state.filter === previous.filter) return;
      const hash = formatHash({ deliveryId: state.selectedId, filter: state.filter });
      if (hash === window.location.hash) return;
      const { pathname, search } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
    });
    return () => {
      window.removeEventListener('hashchange', apply);
      unsubscribe();
    };
  }, [stores]);
}
