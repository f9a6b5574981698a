import { describe, expect, it } from 'vitest';
import { deployOptions } from '../../src-main/web/deploy-options';
import { UsageError } from '../../src-main/web/usage-error';

describe('deployOptions (serve --ui-host, --public-url, --trust-proxy)', () => {
  it('are none by default, in either mode', () => {
    expect(deployOptions({}, false)).toEqual({});
    expect(deployOptions({}, true)).toEqual({});
  });

  it('are refused without --database, naming each, with a usage error', () => {
    expect(() => deployOptions({ 'ui-host': '0.0.0.0' }, false)).toThrow(
      /^--ui-host needs --database \(a team server\); the local app's UI stays on 127\.0\.0\.1\.$/,
    );
    expect(() =>
      deployOptions({ 'public-url': 'https://inspector.example.com', 'trust-proxy': true }, false),
    ).toThrow(/^--public-url, --trust-proxy need --database/);
    expect(() => deployOptions({ 'trust-proxy': true }, false)).toThrow(UsageError);
  });

  it('take a team server as given, the public URL reduced to its origin', () => {
    expect(
      deployOptions(
        { 'ui-host': '0.0.0.0', 'public-url': 'https://Inspector.example.com/', 'trust-proxy': true },
        true,
      ),
    ).toEqual({ uiHost: '0.0.0.0', publicUrl: 'https://inspector.example.com', trustProxy: true });
  });

  it('refuse a public URL that is not an https origin, and an empty UI host', () => {
    expect(() => deployOptions({ 'public-url': 'http://inspector.example.com' }, true)).toThrow(
      /^--public-url: .*must be https:\/\//,
    );
    expect(() => deployOptions({ 'public-url': 'https://example.com/inspector' }, true)).toThrow(UsageError);
    expect(() => deployOptions({ 'ui-host': '' }, true)).toThrow(/--ui-host needs an address/);
  });
});
