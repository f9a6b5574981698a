import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatJsonPath } from '../../../src-renderer/components/jsonPath';
import { buildFetch } from '../../../src-renderer/features/deliveries/copyAs/fetchSnippet';
import { buildHttpie } from '../../../src-renderer/features/deliveries/copyAs/httpie';
import { hexDump } from '../../../src-renderer/features/deliveries/detail/hexDump';
import { makeDetail } from '../support/deliveries';

describe('copy as fetch and HTTPie', () => {
  it('builds fetch with repeated headers kept and a binary body decoded from base64', () => {
    const snippet = buildFetch(
      makeDetail(1, {
        headers: [
          ['Set-Cookie', 'a=1'],
          ['Set-Cookie', 'b=2'],
          ['Host', 'x'],
        ],
        body: { base64: '/wA=', text: null, omitted: false },
      }),
      'http://127.0.0.1:8787/',
    );
    expect(snippet).toBe(
      [
        'await fetch("http://127.0.0.1:8787/webhook", {',
        '  method: "POST",',
        '  headers: [',
        '    ["Set-Cookie", "a=1"],',
        '    ["Set-Cookie", "b=2"],',
        '  ],',
        '  body: Uint8Array.from(atob("/wA="), (c) => c.charCodeAt(0)),',
        '});',
      ].join('\n'),
    );
  });

  it('pipes the body into HTTPie exactly, and waits for no stdin without one', () => {
    const text = `{"it's": "$HOME"}`;
    const command = buildHttpie(
      makeDetail(1, { headers: [['X-Empty', '']], body: { base64: btoa(text), text, omitted: false } }),
      'http://127.0.0.1:8787',
    );
    expect(command).toBe(
      `printf '%s' '{"it'\\''s": "$HOME"}' | http POST http://127.0.0.1:8787/webhook 'X-Empty;'`,
    );
    // The shell gives printf the body unchanged.
    const printed = execFileSync('sh', ['-c', command.split(' | ')[0] as string], { encoding: 'utf8' });
    expect(printed).toBe(text);
    const empty = buildHttpie(
      makeDetail(2, { method: 'GET', headers: [], body: { base64: '', text: '', omitted: false } }),
      'http://127.0.0.1:8787',
    );
    expect(empty).toBe('http --ignore-stdin GET http://127.0.0.1:8787/webhook');
  });
});

describe('JSON paths and hex dumps', () => {
  it('writes paths as JavaScript does', () => {
    expect(formatJsonPath(['message', 'from', 'id'])).toBe('message.from.id');
    expect(formatJsonPath(['entities', 0, 'type'])).toBe('entities[0].type');
    expect(formatJsonPath(['odd key', 'x'])).toBe('["odd key"].x');
    expect(formatJsonPath([0])).toBe('[0]');
  });

  it('dumps 16 bytes a line with offsets and printable text', () => {
    const bytes = new Uint8Array(18).map((_, i) => 0x41 + i);
    expect(hexDump(bytes).split('\n')).toEqual([
      '00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|',
      `00000010  51 52 ${'   '.repeat(6)} ${'   '.repeat(8)} |QR|`,
    ]);
  });
});
