import { ContractError } from '@contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLinkTools } from '../../src-main/web/link-cli';
import { startTestCore, type TestCore } from '../support/core';

/** `sign` and `verify` on a data dir the inspector made (and has stopped using). */
describe('the sign and verify commands’ tools', () => {
  let t: TestCore;
  const receiverUrl = 'http://127.0.0.1:8787';
  beforeAll(async () => {
    t = await startTestCore();
    await t.stop();
  });
  afterAll(async () => {
    await t.dispose();
  });

  const tools = (otherBases: string[] = []) => openLinkTools({ dataDir: t.dataDir, receiverUrl, otherBases });

  it('signs a link for the sandbox bot that verifies, with the fields it was given', async () => {
    const cli = tools();
    try {
      const { url, kid } = await cli.sign({ command: 'hello', user: '42', params: [['ref', 'cli']] });
      expect(url.startsWith(`${receiverUrl}/`)).toBe(true);
      const verdict = await cli.verify(`  ${url}  `);
      expect(verdict).toMatchObject({ valid: true, fields: { command: 'hello', user: '42', kid } });
    } finally {
      cli.close();
    }
  });

  it('holds its input to the contract’s schema, as every caller is (through dispatch)', async () => {
    const cli = tools();
    try {
      const refused = await cli.sign({ command: 'hello', user: 'u'.repeat(65), params: [] }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(ContractError);
      expect((refused as ContractError).code).toBe('bad-input');
      expect((refused as ContractError).message).toMatch(/^userId: /);
      const noBot = await cli
        .sign({ bot: 'nobody', command: 'hello', user: '1', params: [] })
        .catch((e) => e);
      expect(noBot).toMatchObject({
        code: 'not-found',
        message: expect.stringMatching(/no bot profile "nobody"/),
      });
    } finally {
      cli.close();
    }
  });

  it('verifies a link made for another base only when that base is given (--base-url)', async () => {
    const cli = tools();
    const withBase = tools(['https://elsewhere.example']);
    try {
      const { url } = await cli.sign({
        command: 'hello',
        user: '7',
        params: [],
        baseUrl: 'https://elsewhere.example',
      });
      expect((await cli.verify(url)).valid).toBe(false);
      expect((await withBase.verify(url)).valid).toBe(true);
    } finally {
      cli.close();
      withBase.close();
    }
  });
});
