import { describe, expect, it } from 'vitest';
import { unreachableReason } from '../../../../src-main/core/store/pg/unreachable';

const failure = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('unreachableReason', () => {
  it('names a database that is away: refused, closed, timed out, shutting down, full', () => {
    expect(unreachableReason(failure('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(
      'connect ECONNREFUSED 127.0.0.1:5432 (ECONNREFUSED)',
    );
    for (const code of [
      'CONNECTION_CLOSED',
      'CONNECT_TIMEOUT',
      'ETIMEDOUT',
      '57P01',
      '57P03',
      '08006',
      '53300',
    ]) {
      expect(unreachableReason(failure(code)), code).not.toBeNull();
    }
  });

  it('leaves every other failure alone: it is an error, not an outage', () => {
    for (const code of ['23505', '42P01', '22P02', 'ERR_INVALID_ARG_TYPE']) {
      expect(unreachableReason(failure(code)), code).toBeNull();
    }
    expect(unreachableReason(new Error('no code'))).toBeNull();
    expect(unreachableReason('a string')).toBeNull();
    expect(unreachableReason(null)).toBeNull();
  });
});
