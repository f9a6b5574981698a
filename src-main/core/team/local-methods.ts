import { ContractError, type Service } from '@contract';

type TeamMethods = Pick<
  Service,
  'people.list' | 'people.add' | 'people.revoke' | 'audit.list' | 'audit.export'
>;

const teamOnly = (): never => {
  throw new ContractError(
    'not-found',
    'People and the audit log belong to a team server (serve --database postgres://…).',
  );
};

/** On the local app there is one user and no people to manage. */
export function localTeamMethods(): TeamMethods {
  return {
    'people.list': teamOnly,
    'people.add': teamOnly,
    'people.revoke': teamOnly,
    'audit.list': teamOnly,
    'audit.export': teamOnly,
  };
}
