import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_UI_PORT } from '../../src-main/web/serve';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the UI address as serve prints it: the default UI port, then the receiver and sandbox lines', () => {
    const block = /```\n> bot-webhook-inspector@[^\n]+ start\n[\s\S]*?```/.exec(README)?.[0] ?? '';
    const lines = block.split('\n');
    const ui = lines.findIndex((line) =>
      line.startsWith(`Inspector UI: http://127.0.0.1:${DEFAULT_UI_PORT}/?token=`),
    );
    expect(ui).toBeGreaterThan(0);
    expect(lines[ui + 1]).toMatch(/^Receiver: http:\/\/127\.0\.0\.1:8787$/);
    expect(lines[ui + 2]).toMatch(/^Sandbox platform: http:\/\/127\.0\.0\.1:8788 \(token /);
    expect(lines[ui + 3]).toMatch(/^Data: .+ {2}\(Ctrl\+C stops\)$/);
    expect(README).toContain('### The UI address and its token');
  });

  it('runs the CLI through npx: a bare bot-webhook-inspector is not on the PATH after npm install', () => {
    const commands = README.split('\n').filter((line) =>
      /(^|[`\s])bot-webhook-inspector (sandbox|sign|verify)\b/.test(line),
    );
    expect(commands.length).toBeGreaterThan(3);
    for (const line of commands) expect(line).toMatch(/npx bot-webhook-inspector (sandbox|sign|verify)/);
  });
});
