import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { ApiClient } from '../../../src-renderer/api';
import { createStores, type Stores } from '../../../src-renderer/app/allStores';
import { Providers } from '../../../src-renderer/app/Providers';

/** Renders a panel with every feature's store over `client`, as the app provides them. */
export function renderWithStores(client: ApiClient, ui: (stores: Stores) => ReactNode) {
  const stores = createStores(client, { deliveries: { scheduleFrame: () => {} } });
  const wrap = (node: ReactNode) => <Providers stores={stores}>{node}</Providers>;
  const result = render(wrap(ui(stores)));
  return { ...result, stores, rerender: (node: ReactNode) => result.rerender(wrap(node)) };
}
