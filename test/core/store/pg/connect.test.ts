import { describe, expect, it } from 'vitest';
import { closePostgres, connectPostgres, redactUrl } from '../../../../src-main/core/store/pg/connect';

describe('connectPostgres', () => {
  it('takes postgres:// and postgresql:// URLs, connecting only on the first query', async () => {
    for (const url of ['postgres://u:p@127.0.0.1:1/db', 'postgresql://127.0.0.1/db?sslmode=disable']) {
      await closePostgres(connectPostgres(url));
    }
  });

  it('refuses what is not a postgres URL, without repeating the password', () => {
    expect(() => connectPostgres('db host')).toThrow(/not a URL/);
    expect(() => connectPostgres('localhost:5432/db')).toThrow(/not a postgres:\/\/ URL/);
    let error: unknown;
    try {
      connectPostgres('https://admin:s3cret@db.example/x');
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toContain('https://admin:***@db.example/x');
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('redacts only the password', () => {
    expect(redactUrl(new URL('postgres://me:pw@h:5432/d?application_name=x'))).toBe(
      'postgres://me:***@h:5432/d?application_name=x',
    );
    expect(redactUrl(new URL('postgres://h/d'))).toBe('postgres://h/d');
  });
});
