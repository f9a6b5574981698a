import { ContractError, type Service } from '@contract';
import type { DeliveryStore } from '../deliveries/store';
import type { EventHub } from '../events';
import type { PoolResult } from './command-pool';
import type { CommandScope } from './runtime';
import type { CommandStore } from './store';
import { tryRunMethod } from './try-run';

type CommandsMethods = Pick<
  Service,
  'commands.list' | 'commands.save' | 'commands.delete' | 'commands.tryRun'
>;

export interface CommandsDeps {
  commands: CommandStore;
  events: EventHub;
  deliveries: DeliveryStore;
  /** The command pool's run, for a try-run: the same workers and limits as a link hit. */
  run: (body: string, scope: CommandScope) => Promise<PoolResult>;
}

/** The commands signed links run: kept, edited, and tried with a sample user. */
export function commandsMethods({ commands, events, deliveries, run }: CommandsDeps): CommandsMethods {
  return {
    'commands.list': async () => ({ items: await commands.list() }),
    'commands.save': async ({ name, body }) => {
      const saved = await commands.save(name, body);
      events.emit('commands.changed', {});
      return saved;
    },
    'commands.delete': async ({ name }) => {
      if (!(await commands.delete(name)))
        throw new ContractError('not-found', `There is no command named "${name}".`);
      events.emit('commands.changed', {});
      return { deleted: true as const };
    },

    ...tryRunMethod({ deliveries, run }),
  };
}
