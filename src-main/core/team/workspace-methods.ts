import { ContractError, type Service } from '@contract';

type WorkspaceMethods = Pick<
  Service,
  'workspaces.list' | 'workspaces.add' | 'workspaces.remove' | 'workspaces.open'
>;

const notYet = (): never => {
  throw new ContractError(
    'unavailable',
    'Opening team servers from this app is not available in this build.',
  );
};

/** The team servers this app can open. */
export function workspaceMethods(): WorkspaceMethods {
  return {
    'workspaces.list': () => ({ items: [] }),
    'workspaces.add': notYet,
    'workspaces.remove': notYet,
    'workspaces.open': notYet,
  };
}
