import { ContractError, type Service } from '@contract';
import type { DeliveryStore } from '../deliveries/store';
import { answerFromResponse } from '../links/answer';
import { commandUser, resolveUser } from '../links/handle-link';
import { storedBody } from '../links/stored-body';
import type { PoolResult } from './command-pool';
import type { CommandScope } from './runtime';

export interface TryRunDeps {
  deliveries: DeliveryStore;
  /** The command pool's run: the same workers, limits, queue and watchdog as a link hit. Never rejects. */
  run: (body: string, scope: CommandScope) => Promise<PoolResult>;
}

/**
 * "Run with a sample user": the command as a signed link for that user would
 * run it (the user and chat as last seen in a delivery), answered with what
 * it set on `res`, its logs and the messages it queued. Nothing is sent,
 * stored or signed: the editor's text is tried before it is saved.
 */
export function tryRunMethod({ deliveries, run }: TryRunDeps): Pick<Service, 'commands.tryRun'> {
  return {
    'commands.tryRun': async ({ body, userId, options, params }) => {
      let optionsValue: unknown = {};
      if (options !== undefined && options.trim() !== '') {
        try {
          optionsValue = JSON.parse(options);
        } catch {
          throw new ContractError('bad-input', 'The options are not JSON text.');
        }
      }
      const id = String(userId);
      const who = await resolveUser(deliveries, id);
      const query = Object.fromEntries(params);
      const started = Date.now();
      const result = await run(body, {
        user: commandUser(who.user, id),
        chat: who.chat,
        options: optionsValue,
        params: query,
        request: { method: 'GET', query, headers: {}, body: null, ip: null },
      });
      const durationMs = Date.now() - started;
      if (!result.ok) {
        return {
          ok: false,
          reason: result.reason,
          response: null,
          logs: result.logs,
          messages: [],
          durationMs,
        };
      }
      const answer = answerFromResponse(result.response, null);
      return {
        ok: true,
        reason: null,
        response: {
          status: answer.status,
          headers: Object.entries(answer.headers ?? {}),
          // Bounded as a link's stored answer is: the UI shows it, it does not need megabytes.
          body: storedBody(answer.body).body,
        },
        logs: result.logs,
        messages: result.outbox.map((m) => ({
          chatId: m.chatId ?? who.chat.id,
          text: m.text,
          problem: m.problem,
        })),
        durationMs,
      };
    },
  };
}
