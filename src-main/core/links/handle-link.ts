import {
  DEFAULT_INBOX,
  type Problem,
  parseBotId,
  type Summary,
  type SummaryChat,
  type SummaryUser,
} from '@contract';
import type { HttpPools } from '../botapi';
import { clientFor } from '../botapi/profile-client';
import type { OutboxMessage } from '../commands/checked-run';
import type { PoolResult } from '../commands/command-pool';
import type { CommandScope } from '../commands/runtime';
import type { CommandStore } from '../commands/store';
import { entityIdFromText } from '../deliveries/entity-id';
import type { InvocationRecord } from '../deliveries/records';
import type { DeliveryStore } from '../deliveries/store';
import { describeError } from '../describe-error';
import type { ProfileStore } from '../profiles/store';
import type { Answer } from '../receiver/answers';
import { LinkError } from '../signer/checks';
import type { KeyStore } from '../signer/key-store';
import { verifyLinkQuery } from '../signer/verify';
import { answerFromResponse, linkAnswers } from './answer';
import { requestForCommand } from './request';
import { storedBody } from './stored-body';

export interface LinkDeps {
  profiles: ProfileStore;
  keys: KeyStore;
  commands: CommandStore;
  deliveries: DeliveryStore;
  http: HttpPools;
  /** Runs a command off the main thread (the command pool). Never rejects. */
  run: (body: string, scope: CommandScope) => Promise<PoolResult>;
}

export interface LinkHit {
  method: string;
  botIdSegment: string;
  rawQuery: string;
  headers: Array<[string, string]>;
  body: Buffer;
  remoteAddress: string | null;
}

export interface LinkOutcome {
  answer: Answer;
  /** The answer's body as stored: at most 64 KiB (the invocation says when it was cut). */
  responseBody: string;
  inbox: string;
  summary: Summary;
  problem: Problem | null;
  invocation: InvocationRecord;
}

interface Who {
  user: SummaryUser | null;
  chat: SummaryChat | null;
}

/**
 * A signed-link hit: verify, resolve the user, run the command in the
 * sandbox, send what it queued, and answer with what it set on `res`.
 * Never rejects: whatever goes wrong is answered and recorded as an
 * invocation, so every hit shows in the list.
 */
export async function handleLinkHit(deps: LinkDeps, hit: LinkHit): Promise<LinkOutcome> {
  const started = Date.now();
  const botId = parseBotId(hit.botIdSegment);
  const base = {
    profileId: null as number | null,
    command: null as string | null,
    userId: null as string | null,
    options: null as string | null,
    params: [] as Array<[string, string]>,
    logs: [] as string[],
    sent: [] as InvocationRecord['sent'],
  };
  let inbox = DEFAULT_INBOX;
  let who: Who = { user: null, chat: null };
  const finish = (
    answer: Answer,
    problem: Problem | null,
    fields: Partial<InvocationRecord> & Pick<InvocationRecord, 'outcome'>,
  ): LinkOutcome => {
    const stored = storedBody(answer.body);
    const invocation: InvocationRecord = {
      ...base,
      reason: null,
      check: null,
      ...fields,
      responseTruncated: stored.truncated,
      durationMs: Date.now() - started,
    };
    return {
      answer,
      responseBody: stored.body,
      inbox,
      problem,
      invocation,
      summary: {
        platform: 'signed-link',
        kind: 'invocation',
        updateId: null,
        user: who.user,
        chat: who.chat,
        text: invocation.command,
      },
    };
  };
  const failed = (reason: string, answer = linkAnswers.failed(reason)) =>
    finish(answer, 'command-error', { outcome: 'error', reason });

  try {
    // The listing, not get(): a profile whose secrets cannot be opened here still has its links verified.
    const profile =
      botId === null ? null : ((await deps.profiles.list()).find((p) => p.id === botId) ?? null);
    base.profileId = profile?.id ?? null;
    inbox = profile?.inbox ?? inbox;
    let link: ReturnType<typeof verifyLinkQuery>;
    // Read before verifying, so the verifier stays one synchronous, constant-time pass.
    const keys =
      botId === null || profile === null ? new Map<string, Buffer>() : await deps.keys.verifying(botId);
    try {
      if (botId === null || profile === null) throw new LinkError('unknown-bot', hit.botIdSegment);
      link = verifyLinkQuery(botId, hit.rawQuery, (kid) => keys.get(kid) ?? null);
    } catch (error) {
      if (!(error instanceof LinkError)) throw error;
      return finish(
        linkAnswers.rejected(error.check, error.message),
        error.check === 'expired' ? 'expired-link' : 'invalid-link',
        { outcome: 'rejected', reason: error.message, check: error.check },
      );
    }
    Object.assign(base, {
      command: link.command,
      userId: link.user,
      options: link.options,
      params: link.params,
    });

    who = await resolveUser(deps.deliveries, link.user);
    const command = await deps.commands.get(link.command);
    if (!command) {
      return finish(linkAnswers.unknownCommand(link.command), 'unknown-command', {
        outcome: 'unknown-command',
      });
    }
    const request = requestForCommand(hit);
    if (!request.ok) return failed(request.reason, linkAnswers.badRequest(request.reason));
    const run = await deps.run(command.body, {
      user: commandUser(who.user, link.user),
      chat: who.chat,
      options: link.optionsValue,
      params: Object.fromEntries(link.params),
      request: request.request,
    });
    base.logs = run.logs;
    if (!run.ok) {
      if ('busy' in run) return failed(run.reason, linkAnswers.busy(run.reason, run.retryAfterSeconds));
      return failed(run.reason);
    }
    const answer = answerFromResponse(run.response, link.redirect);
    base.sent = await sendQueued(deps, botId, run.outbox, who.chat);
    return finish(answer, null, { outcome: 'ok' });
  } catch (error) {
    // A fault of ours (the database, a bug), not the command's: still answered and recorded.
    return failed(`The link could not be handled: ${describeError(error)}`);
  }
}

/** The user as the app last saw them in a delivery; an unknown user is `{ id }` in a private chat of the same id. */
export async function resolveUser(
  deliveries: DeliveryStore,
  id: string,
): Promise<{ user: SummaryUser; chat: SummaryChat }> {
  const seen = await deliveries.seenUser(id);
  const numeric = entityIdFromText(id);
  if (!seen)
    return {
      user: { id: numeric, name: null, username: null, language: null },
      chat: { id: numeric, type: 'private' },
    };
  return { user: seen.user, chat: seen.chat ?? { id: seen.user.id, type: 'private' } };
}

/** What a command sees as `user`: Telegram-style names beside the summary's. */
export function commandUser(user: SummaryUser | null, id: string): Record<string, unknown> {
  if (!user) return { id };
  return {
    id: user.id,
    ...(user.name ? { name: user.name, first_name: user.name } : {}),
    ...(user.username ? { username: user.username } : {}),
    ...(user.language ? { language: user.language, language_code: user.language } : {}),
  };
}

async function sendQueued(
  deps: LinkDeps,
  profileId: number,
  outbox: OutboxMessage[],
  chat: SummaryChat | null,
): Promise<InvocationRecord['sent']> {
  const results: InvocationRecord['sent'] = [];
  for (const message of outbox) {
    const chatId = message.chatId ?? chat?.id ?? null;
    const { text } = message;
    const problem =
      message.problem ??
      (chatId === null ? 'Api.sendMessage needs a text (and a chat_id when the user has no chat).' : null);
    if (problem !== null || chatId === null) {
      results.push({ chatId, text, ok: false, result: problem ?? '' });
      continue;
    }
    try {
      const profile = await deps.profiles.get(profileId);
      if (!profile) throw new Error('The bot profile is gone.');
      const sent = await clientFor(deps.http, profile).sendMessage({ chatId, text });
      results.push({ chatId, text, ok: true, result: JSON.stringify(sent.raw) });
    } catch (error) {
      results.push({
        chatId,
        text,
        ok: false,
        result: describeError(error),
      });
    }
  }
  return results;
}
