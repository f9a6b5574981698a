import type { Service } from '@contract';
import type { PgPeopleStore } from './people-store';

/** A team server's people (admin): the token is shown once, when a person is added. */
export function peopleMethods(
  people: PgPeopleStore,
): Pick<Service, 'people.list' | 'people.add' | 'people.revoke'> {
  return {
    'people.list': async () => ({ items: await people.list() }),
    'people.add': ({ name, role }) => people.add(name, role),
    'people.revoke': ({ id }) => people.revoke({ id }),
  };
}
