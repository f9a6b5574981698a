import { type SignInput, signLink } from '../../../src-main/core/signer/sign';

/** The fixed key of the known-answer vectors. */
export const KAT_KEY = {
  kid: 'k0000c0de',
  secret: Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex'),
};
export const KAT_NOW = Date.UTC(2026, 0, 1, 0, 0, 0);

export const KAT_INPUTS: Array<{ name: string; input: SignInput }> = [
  {
    name: 'seed example: getUrl("syncGameData", { options: { level: 10 }, params: { ref: "profile", lang: "en" } })',
    input: {
      baseUrl: 'https://prod-api.telebothost.com',
      botId: 7,
      userId: 123,
      command: 'syncGameData',
      options: { level: 10 },
      params: { ref: 'profile', lang: 'en' },
      now: KAT_NOW,
    },
  },
  {
    name: 'seed example: getUrlFor with redirect',
    input: {
      baseUrl: 'https://prod-api.telebothost.com',
      botId: 7,
      userId: 123,
      command: 'syncGameData',
      redirect: 'https://telebothost.com',
      options: { plan: 'pro' },
      params: { ref: 'upgrade' },
      now: KAT_NOW,
    },
  },
  {
    name: 'no options, unicode values, expiry',
    input: {
      baseUrl: 'http://127.0.0.1:8787',
      botId: 1,
      userId: -100123,
      command: 'привет',
      params: [['note', 'a&b=c d/é']],
      expiresIn: 3600,
      now: KAT_NOW,
    },
  },
];

export const katUrl = (input: SignInput): string => signLink(KAT_KEY, input);
