import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CommandName,
  DeliveryFilter,
  InboxName,
  LinkExpiry,
  ProfileInput,
  ReplayInput,
  ResponseRule,
  SetWebhookInput,
  SignLinkInput,
  TryCommandInput,
} from '../../src-main/contract';
import * as bot from '../../src-main/contract/bot-rules';
import * as filterRules from '../../src-main/contract/filter-rules';
import * as inbox from '../../src-main/contract/inbox-rules';
import * as link from '../../src-main/contract/link-rules';
import { methods } from '../../src-main/contract/methods';
import * as replay from '../../src-main/contract/replay-rules';

const CONTRACT = join(import.meta.dirname, '../../src-main/contract');
const ok = (result: { success: boolean }) => result.success;

describe('contract rule modules', () => {
  // The renderer imports them at runtime: one import of zod (or of a schema module) would bundle it.
  it('import nothing, so zod stays out of the renderer', () => {
    const files = readdirSync(CONTRACT).filter((name) => name.endsWith('-rules.ts'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      expect({ file, imports: /^\s*import\b/m.test(readFileSync(join(CONTRACT, file), 'utf8')) }).toEqual({
        file,
        imports: false,
      });
    }
  });

  // Spelled once, in its rules module: every schema, core check and form asks the module.
  it.each([
    ['[A-Za-z0-9_-]{1,256}', 'bot-rules.ts'],
    ['[A-Za-z0-9_-]{1,64}', 'inbox-rules.ts'],
    ['[A-Za-z_][A-Za-z0-9_.-]{0,63}', 'link-rules.ts'],
  ])('the pattern %s is written only in %s', (pattern, module) => {
    const root = join(import.meta.dirname, '../..');
    const sources = ['src-main', 'src-renderer'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => join(dir, file)),
    );
    const spelling = sources.filter((file) => readFileSync(join(root, file), 'utf8').includes(pattern));
    expect(spelling).toEqual([join('src-main/contract', module)]);
  });

  it('secret tokens: the regexes accept and refuse what every schema does', () => {
    const tokens = ['', 'a', 'A-b_9', 'x'.repeat(256), 'x'.repeat(257), 'a b', 'é', 'a.b', 'a\n'];
    for (const token of tokens) {
      const strict = bot.SECRET_TOKEN.test(token);
      expect({ token, webhook: ok(SetWebhookInput.safeParse({ url: 'u', secretToken: token })) }).toEqual({
        token,
        webhook: strict,
      });
      const replayed = ReplayInput.safeParse({
        target: 'http://127.0.0.1/',
        deliveryIds: [1],
        secretToken: token,
      });
      expect({ token, replay: ok(replayed) }).toEqual({ token, replay: strict });
      const profile = ProfileInput.safeParse({
        name: 'p',
        platform: 'telegram',
        baseUrl: 'https://api.telegram.org',
        webhookSecret: token,
      });
      // '' removes a kept secret: the one place the empty token is allowed.
      expect({ token, profile: ok(profile) }).toEqual({
        token,
        profile: bot.SECRET_TOKEN_OR_EMPTY.test(token),
      });
      expect(bot.SECRET_TOKEN_OR_EMPTY.test(token)).toBe(token === '' || strict);
    }
  });

  it('inbox and command names: the regexes agree with the schemas', () => {
    const names = ['', 'a', '_a', '9a', 'a.b', 'a-b', 'x'.repeat(64), 'x'.repeat(65), 'a b', 'é', 'a/b'];
    for (const name of names) {
      expect({ name, inbox: inbox.INBOX_NAME.test(name) }).toEqual({
        name,
        inbox: ok(InboxName.safeParse(name)),
      });
      expect({ name, command: link.COMMAND_NAME.test(name) }).toEqual({
        name,
        command: ok(CommandName.safeParse(name)),
      });
    }
    expect(ProfileInput.parse({ name: 'p', platform: 'solafon', baseUrl: 'https://a.example' }).inbox).toBe(
      inbox.DEFAULT_INBOX,
    );
  });

  it('limits: each schema takes the limit and refuses one past it', () => {
    const at = (max: number, check: (value: number) => boolean) => [check(max), check(max + 1)];
    const taken = [true, false];
    const replayWith = (fields: object) =>
      ok(ReplayInput.safeParse({ target: 'http://127.0.0.1/', deliveryIds: [1], ...fields }));
    const header = (length: number) => 'x'.repeat(length);

    expect(
      at(bot.WEBHOOK_MAX_CONNECTIONS, (n) => ok(SetWebhookInput.safeParse({ url: 'u', maxConnections: n }))),
    ).toEqual(taken);
    const send = methods['messages.send'].input;
    expect(
      at(bot.MESSAGE_TEXT_MAX, (n) => ok(send.safeParse({ profileId: 1, chatId: 1, text: 'x'.repeat(n) }))),
    ).toEqual(taken);

    expect(
      at(inbox.RULE_BODY_MAX, (n) => ok(ResponseRule.safeParse({ status: 500, body: 'x'.repeat(n) }))),
    ).toEqual(taken);
    expect(
      at(inbox.RULE_DELAY_MAX_MS, (n) => ok(ResponseRule.safeParse({ status: 500, delayMs: n }))),
    ).toEqual(taken);
    expect(at(inbox.INBOX_NAME_MAX, (n) => ok(InboxName.safeParse('x'.repeat(n))))).toEqual(taken);

    expect(at(link.COMMAND_NAME_MAX, (n) => ok(CommandName.safeParse('x'.repeat(n))))).toEqual(taken);
    expect(at(link.LINK_EXPIRY_MAX, (n) => ok(LinkExpiry.safeParse(n)))).toEqual(taken);
    const sign = (fields: object) => ok(SignLinkInput.safeParse({ command: 'c', userId: 'u', ...fields }));
    expect(at(link.LINK_USER_ID_MAX, (n) => sign({ userId: 'x'.repeat(n) }))).toEqual(taken);
    expect(at(link.PARAM_NAME_MAX, (n) => sign({ params: [['x'.repeat(n), 'v']] }))).toEqual(taken);
    expect(at(link.PARAM_VALUE_MAX, (n) => sign({ params: [['k', 'x'.repeat(n)]] }))).toEqual(taken);
    const tryRun = (fields: object) => ok(TryCommandInput.safeParse({ body: '', userId: 'u', ...fields }));
    expect(at(link.COMMAND_BODY_MAX, (n) => tryRun({ body: 'x'.repeat(n) }))).toEqual(taken);
    expect(at(link.LINK_USER_ID_MAX, (n) => tryRun({ userId: 'x'.repeat(n) }))).toEqual(taken);
    const save = methods['commands.save'].input;
    expect(at(link.COMMAND_BODY_MAX, (n) => ok(save.safeParse({ name: 'c', body: 'x'.repeat(n) })))).toEqual(
      taken,
    );

    expect(at(replay.REPLAY_CONCURRENCY_MAX, (n) => replayWith({ concurrency: n }))).toEqual(taken);
    expect(ReplayInput.parse({ target: 'http://127.0.0.1/', deliveryIds: [1] }).concurrency).toBe(
      replay.REPLAY_CONCURRENCY_DEFAULT,
    );
    expect(at(replay.REPLAY_RATE_MAX, (n) => replayWith({ ratePerSecond: n }))).toEqual(taken);
    expect(at(replay.REPLAY_HEADERS_MAX, (n) => replayWith({ keepHeaders: Array(n).fill('a') }))).toEqual(
      taken,
    );
    expect(at(replay.REPLAY_HEADERS_MAX, (n) => replayWith({ headers: Array(n).fill(['a', 'b']) }))).toEqual(
      taken,
    );
    expect(at(replay.HEADER_NAME_MAX, (n) => replayWith({ keepHeaders: [header(n)] }))).toEqual(taken);
    expect(at(replay.HEADER_VALUE_MAX, (n) => replayWith({ headers: [['a', header(n)]] }))).toEqual(taken);
    expect(at(replay.EDITED_BODY_MAX, (n) => replayWith({ editedBody: 'x'.repeat(n) }))).toEqual(taken);
    expect(
      at(replay.REPLAY_DELIVERIES_MAX, (n) =>
        replayWith({ deliveryIds: Array.from({ length: n }, (_, i) => i + 1) }),
      ),
    ).toEqual(taken);

    const filter = (fields: object) => ok(DeliveryFilter.safeParse(fields));
    expect(at(filterRules.FILTER_QUERY_MAX, (n) => filter({ query: 'x'.repeat(n) }))).toEqual(taken);
    expect(at(filterRules.FILTER_KIND_MAX, (n) => filter({ kind: 'x'.repeat(n) }))).toEqual(taken);
    expect(at(filterRules.FILTER_ID_MAX, (n) => filter({ userId: 'x'.repeat(n) }))).toEqual(taken);
    expect(at(filterRules.FILTER_ID_MAX, (n) => filter({ chatId: 'x'.repeat(n) }))).toEqual(taken);
  });
});

describe('link route', () => {
  it('names the bot id segment of a path on the link route, and nothing else', () => {
    expect(link.linkPathSegment(`${link.LINK_PATH}7`)).toBe('7');
    expect(link.linkPathSegment(`${link.LINK_PATH}abc`)).toBe('abc');
    for (const path of [
      link.LINK_PATH,
      `${link.LINK_PATH}7/x`,
      '/webhook/7',
      '/ownlang/webhook',
      `/x${link.LINK_PATH}7`,
    ]) {
      expect({ path, segment: link.linkPathSegment(path) }).toEqual({ path, segment: null });
    }
  });

  it('parses a canonical bot id only', () => {
    expect(link.parseBotId('7')).toBe(7);
    expect(link.parseBotId('1234567890123456')).toBe(1234567890123456);
    for (const segment of ['', '0', '07', '-7', '+7', '7a', '1.5', '12345678901234567']) {
      expect({ segment, id: link.parseBotId(segment) }).toEqual({ segment, id: null });
    }
  });
});
