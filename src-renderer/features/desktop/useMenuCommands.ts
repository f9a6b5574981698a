import type { MenuCommand } from '@contract';
import { useEffect } from 'react';
import type { Stores } from '../../app/allStores';
import type { View } from '../../app/navigation';

const VIEW_OF: Record<Extract<MenuCommand, `show-${string}`>, View> = {
  'show-deliveries': 'deliveries',
  'show-webhook': 'webhook',
  'show-compose': 'compose',
  'show-logs': 'logs',
  'show-sandbox': 'sandbox',
  'show-commands': 'commands',
  'show-links': 'links',
  'show-settings': 'settings',
};

/** The desktop menu's commands (and their accelerators) acted on: a view shown, or a dialog opened. */
export function useMenuCommands(stores: Stores): void {
  useEffect(() => {
    const shell = stores.desktop.getState().shell;
    if (shell === null) return;
    return shell.onMenuCommand((command) => {
      if (command === 'open-export' || command === 'open-import') {
        stores.navigation.getState().show('deliveries');
        stores.transfer.getState().request(command === 'open-export' ? 'export' : 'import');
      } else {
        stores.navigation.getState().show(VIEW_OF[command]);
      }
    });
  }, [stores]);
}
