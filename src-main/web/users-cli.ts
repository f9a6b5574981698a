import { ContractError, PersonName, Role } from '@contract';
import type { UsersAction } from '../core';

/** `users add|list|revoke` as typed: checked here, so a mistake is a usage error before the database is opened. */
export function parseUsersAction(
  sub: string | undefined,
  values: { name?: string | undefined; role?: string | undefined; id?: string | undefined },
): UsersAction {
  if (sub === 'list') return { action: 'list' };
  if (sub === 'add') {
    const name = PersonName.safeParse(values.name ?? '');
    if (!name.success)
      throw new ContractError('bad-input', 'users add needs --name <name> (1–80 characters).');
    const role = Role.safeParse(values.role);
    if (!role.success)
      throw new ContractError('bad-input', 'users add needs --role viewer, operator or admin.');
    return { action: 'add', name: name.data, role: role.data };
  }
  if (sub === 'revoke') {
    if (values.id !== undefined) {
      if (!/^\d+$/.test(values.id) || Number(values.id) < 1) {
        throw new ContractError('bad-input', `--id takes a person's number, not "${values.id}".`);
      }
      return { action: 'revoke', ref: { id: Number(values.id) } };
    }
    if (values.name !== undefined && values.name.trim() !== '') {
      return { action: 'revoke', ref: { name: values.name.trim() } };
    }
    throw new ContractError('bad-input', 'users revoke needs --id <number> or --name <name>.');
  }
  throw new ContractError('bad-input', 'Use "users add", "users list" or "users revoke".');
}
