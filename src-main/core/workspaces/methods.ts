import { ContractError, type Service } from '@contract';
import { type CheckOptions, checkTeamServer } from './check-team-server';
import type { WorkspaceStore } from './workspace-store';

type WorkspaceMethods = Pick<
  Service,
  'workspaces.list' | 'workspaces.add' | 'workspaces.remove' | 'workspaces.open'
>;

const noSuchWorkspace = (id: number) =>
  new ContractError('not-found', `There is no team server #${id} in this app's list (it was removed).`);

/**
 * The team servers this app can open. A team server itself keeps none (pass
 * null): the list belongs to the app a person runs, with their own tokens.
 */
export function workspaceMethods(store: WorkspaceStore | null, options: CheckOptions = {}): WorkspaceMethods {
  if (store === null) {
    const refuse = (): never => {
      throw new ContractError(
        'not-found',
        'A team server keeps no list of team servers: add servers in the desktop app or a local inspector.',
      );
    };
    return {
      'workspaces.list': refuse,
      'workspaces.add': refuse,
      'workspaces.remove': refuse,
      'workspaces.open': refuse,
    };
  }
  return {
    'workspaces.list': () => ({ items: store.list() }),
    async 'workspaces.add'({ name, url, token }) {
      const checked = await checkTeamServer(url, token, options);
      return store.add({ name, url: checked.url, personName: checked.personName, role: checked.role, token });
    },
    async 'workspaces.remove'({ id }) {
      if (!store.delete(id)) throw noSuchWorkspace(id);
      return { removed: true };
    },
    async 'workspaces.open'({ id }) {
      const opened = store.open(id);
      if (opened === null) throw noSuchWorkspace(id);
      return opened;
    },
  };
}
