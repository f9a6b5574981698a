import { describe, expect, it } from 'vitest';
import { auditTarget } from '../../../src-main/core/audit/audit-target';

describe('auditTarget', () => {
  it.each([
    ['profiles.update', { id: 3, name: 'Shop bot', platform: 'telegram' }, 'profile "Shop bot", profile 3'],
    ['profiles.delete', { profileId: 3 }, 'profile 3'],
    ['profiles.create', { name: 'Shop bot' }, 'profile "Shop bot"'],
    ['inboxes.create', { name: 'shop' }, 'inbox shop'],
    ['inboxes.configure', { inbox: 'shop', retention: { keepCount: 5 } }, 'inbox shop'],
    ['replay.start', { deliveryIds: [42], target: 'http://x' }, 'delivery 42'],
    ['replay.start', { deliveryIds: [1, 2, 3], target: 'http://x' }, '3 deliveries'],
    ['replay.start', { filter: { inbox: 'shop' }, target: 'http://x' }, 'deliveries matching a filter'],
    ['export.start', { format: 'ndjson' }, 'all deliveries'],
    ['people.revoke', { id: 5 }, 'person 5'],
    ['people.add', { name: 'Ada', role: 'viewer' }, 'person "Ada"'],
    ['commands.save', { name: 'hello', body: 'res.send(1)' }, 'command hello'],
    ['commands.delete', { name: 'hello' }, 'command hello'],
    ['links.sign', { profileId: 3, command: 'hello', userId: 7 }, 'command hello, profile 3, user 7'],
    ['links.retireKey', { profileId: 3, kid: 'k1' }, 'profile 3, key k1'],
    ['messages.send', { profileId: 3, chatId: 42, text: 'a secret reply' }, 'profile 3, chat 42'],
    ['webhook.set', { profileId: 3, url: 'https://x', secretToken: 'abc' }, 'profile 3'],
    ['replay.cancel', { jobId: 'j-1' }, 'job j-1'],
    ['export.delete', { file: 'deliveries-1.ndjson' }, 'file deliveries-1.ndjson'],
    [
      'import.start',
      { format: 'ndjson', file: 'upload-1.ndjson', inbox: 'shop' },
      'inbox shop, file upload-1.ndjson',
    ],
    // sandbox.say's name is the simulated user's, not what the call acts on.
    ['sandbox.say', { userId: 7, name: 'Ada', text: 'hi' }, 'user 7'],
    ['links.setDefaults', { expiresIn: 60 }, null],
    ['people.list', {}, null],
  ])('%s %j → %s', (method, input, target) => {
    expect(auditTarget(method, input)).toBe(target);
  });

  it('takes anything a refused call may carry, and keeps names short and escaped', () => {
    expect(auditTarget('people.add', 'not an object')).toBeNull();
    expect(auditTarget('people.add', null)).toBeNull();
    expect(auditTarget('people.add', [1])).toBeNull();
    expect(auditTarget('profiles.delete', { profileId: { nested: true } })).toBeNull();
    expect(auditTarget('commands.save', { name: `x\n${'y'.repeat(500)}` })).toBe(
      `command x\\n${'y'.repeat(62)}`,
    );
    expect(auditTarget('replay.start', { deliveryIds: [{}] })).toBe('1 delivery');
  });
});
