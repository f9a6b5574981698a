import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  buildCurl,
  buildSampleCurl,
  joinUrl,
  resendHeaders,
  SAMPLE_UPDATE,
  shellQuote,
} from '../../../src-renderer/features/deliveries/curl';
import { makeDetail } from '../support/deliveries';

/** What a POSIX shell makes of a word: the real test of quoting. */
const shellWord = (quoted: string) =>
  execFileSync('sh', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8' });

describe('shellQuote', () => {
  it('leaves plain words bare', () => {
    expect(shellQuote('POST')).toBe('POST');
    expect(shellQuote('http://127.0.0.1:8787/webhook')).toBe('http://127.0.0.1:8787/webhook');
  });

  it.each([
    "it's",
    'a b',
    '$HOME `id` $(id) "x" \\n',
    'line one\nline two',
    '*?[]{}~!#;&|<>',
    '',
    "'",
    "''''",
    '=ls',
    'héllo ✓',
  ])('survives the shell unchanged: %j', (value) => {
    expect(shellWord(shellQuote(value))).toBe(value);
  });

  it('closes, escapes and reopens around a single quote', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe('resendHeaders', () => {
  it('drops hop-by-hop headers, host, content-length and what Connection names; keeps order and duplicates', () => {
    const kept = resendHeaders([
      ['Host', 'example.test'],
      ['Content-Type', 'application/json'],
      ['Content-Length', '12'],
      ['Connection', 'keep-alive, X-Hop'],
      ['Keep-Alive', 'timeout=5'],
      ['Transfer-Encoding', 'chunked'],
      ['X-Hop', 'gone'],
      ['X-Telegram-Bot-Api-Secret-Token', 's3cret'],
      ['Accept', 'a'],
      ['Accept', 'b'],
    ]);
    expect(kept).toEqual([
      ['Content-Type', 'application/json'],
      ['X-Telegram-Bot-Api-Secret-Token', 's3cret'],
      ['Accept', 'a'],
      ['Accept', 'b'],
    ]);
  });
});

describe('buildCurl', () => {
  it('sends the method, the path with its query, the kept headers and the text body', () => {
    const delivery = makeDetail(7, {
      method: 'POST',
      path: '/in/bot',
      query: '?a=1&b=2',
      headers: [
        ['Host', '127.0.0.1:8787'],
        ['Content-Type', 'application/json'],
        ['Content-Length', '27'],
        ['X-Note', "it's fine"],
      ],
      body: { base64: btoa('{"text":"it\'s $HOME"}'), text: '{"text":"it\'s $HOME"}', omitted: false },
    });
    const { command, note } = buildCurl(delivery, 'http://127.0.0.1:8787/');
    expect(note).toBeNull();
    expect(command).toBe(
      [
        "curl -X POST 'http://127.0.0.1:8787/in/bot?a=1&b=2'",
        "-H 'Content-Type: application/json'",
        `-H 'X-Note: it'\\''s fine'`,
        `--data-raw '{"text":"it'\\''s $HOME"}'`,
      ].join(' \\\n  '),
    );
    expect(command).not.toMatch(/Host:|Content-Length:/i);
  });

  it('accepts a query stored without its "?"', () => {
    const { command } = buildCurl(makeDetail(1, { path: '/webhook', query: 'x=1' }), 'http://h:1');
    expect(command).toContain("'http://h:1/webhook?x=1'");
  });

  it('keeps a header with an empty value, which curl would drop when written as "Name:"', () => {
    const { command } = buildCurl(makeDetail(1, { headers: [['X-Empty', '']] }), 'http://h:1');
    expect(command).toContain("-H 'X-Empty;'");
  });

  it('pipes a non-UTF-8 body through base64 --decode into --data-binary @-', () => {
    const bytes = String.fromCharCode(0xff, 0x00, 0x41, 0x27);
    const base64 = btoa(bytes);
    const { command, note } = buildCurl(
      makeDetail(3, { body: { base64, text: null, omitted: false } }),
      'http://127.0.0.1:8787',
    );
    expect(command.startsWith(`printf '%s' ${shellQuote(base64)} | base64 --decode | curl -X POST `)).toBe(
      true,
    );
    expect(command).toContain('--data-binary @-');
    expect(command).not.toContain('--data-raw');
    expect(note).toMatch(/not UTF-8/);
    // The pipe's first half really yields the original bytes.
    const decoded = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(base64)} | base64 --decode`]);
    expect([...decoded]).toEqual([0xff, 0x00, 0x41, 0x27]);
  });

  it('treats text with a NUL byte as binary, since no shell argument can carry one', () => {
    const text = 'a\u0000b';
    const { command } = buildCurl(
      makeDetail(1, { body: { base64: btoa(text), text, omitted: false } }),
      'http://h',
    );
    expect(command).toContain('--data-binary @-');
  });

  it('never lets a body starting with "@" name a file', () => {
    const text = '@/etc/passwd';
    const { command } = buildCurl(
      makeDetail(1, { body: { base64: btoa(text), text, omitted: false } }),
      'http://h',
    );
    expect(command).toContain('--data-raw @/etc/passwd');
    expect(command).not.toContain('--data-binary');
  });

  it('sends no body, and says why, when the body was not kept', () => {
    const { command, note } = buildCurl(
      makeDetail(1, { problem: 'too-large', body: { base64: '', text: null, omitted: true } }),
      'http://h',
    );
    expect(command).not.toMatch(/--data/);
    expect(note).toMatch(/size limit/);
  });

  it('sends no body for an empty one', () => {
    const { command, note } = buildCurl(
      makeDetail(1, { body: { base64: '', text: '', omitted: false } }),
      'http://h',
    );
    expect(command).not.toMatch(/--data/);
    expect(note).toBeNull();
  });

  it('yields the exact argument list when run by a shell', () => {
    const text = `{"a":"it's","b":"$(id)"}\n`;
    const { command } = buildCurl(
      makeDetail(1, { headers: [['X-A', 'x y']], body: { base64: btoa(text), text, omitted: false } }),
      'http://h:1',
    );
    // Replace curl with a printer of its arguments, one per line.
    const argv = execFileSync(
      'sh',
      ['-c', `curl() { for a in "$@"; do printf '[%s]\\n' "$a"; done; }; ${command}`],
      {
        encoding: 'utf8',
      },
    );
    expect(argv).toBe(
      ['-X', 'POST', 'http://h:1/webhook', '-H', 'X-A: x y', '--data-raw', text]
        .map((a) => `[${a}]\n`)
        .join(''),
    );
  });
});

describe('joinUrl', () => {
  it('joins base and path with exactly one slash', () => {
    expect(joinUrl('http://h:1', '/x')).toBe('http://h:1/x');
    expect(joinUrl('http://h:1/', '/x')).toBe('http://h:1/x');
    expect(joinUrl('http://h:1', 'x')).toBe('http://h:1/x');
  });
});

describe('buildSampleCurl', () => {
  it('posts the sample update as JSON to the given URL', () => {
    expect(buildSampleCurl('http://127.0.0.1:8787/webhook')).toBe(
      `curl -X POST http://127.0.0.1:8787/webhook -H 'Content-Type: application/json' -d '${SAMPLE_UPDATE}'`,
    );
    expect(JSON.parse(SAMPLE_UPDATE)).toMatchObject({ update_id: 1, text: '/start', from: { name: 'Ada' } });
  });
});
