import { createHash, timingSafeEqual } from 'node:crypto';
import type { SecretCheck } from '@contract';
import { describeError } from '../describe-error';

/** `ok`: nothing to flag; `flag`: store as `bad-secret`; `reject`: that, and answer 401. */
export type SecretVerdict = 'ok' | 'flag' | 'reject';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

interface Cached {
  loadedAt: number;
  /** The digest of the profile's webhook secret; null: it has none (or is gone), so nothing is checked. */
  value: Promise<Buffer | null>;
}

export interface SecretCheckerOptions {
  /** The inbox's check, from the settings held in memory (the receiver asks on every delivery). */
  checkOf: (inbox: string) => SecretCheck | null;
  /** The profile's webhook secret; null when it has none or there is no such profile. */
  secretOf: (profileId: number) => Promise<string | null>;
  /**
   * How long a digest is trusted before it is read again in the background.
   * Changes made here forget at once (`forget`); this bounds how long another
   * replica's change to a profile takes to be seen.
   */
  refreshMs?: number;
  now?: () => number;
  log: (message: string) => void;
}

/**
 * Whether a delivery carries the webhook secret of the bot profile feeding
 * its inbox. Only digests are kept, one per profile, and compared with
 * timingSafeEqual (equal lengths by construction), so neither the secret nor
 * how much of it matched leaks through timing. A delivery waits for the
 * database only the first time a profile is asked about; later reads refresh
 * behind it.
 */
export class SecretChecker {
  private readonly digests = new Map<number, Cached>();
  private readonly refreshMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SecretCheckerOptions) {
    this.refreshMs = options.refreshMs ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Answered at once, without a promise or a look at the headers, for the
   * usual inbox that checks nothing: the receiver asks on every delivery.
   */
  verdict(
    inbox: string,
    headers: ReadonlyArray<readonly [string, string]>,
  ): SecretVerdict | Promise<SecretVerdict> {
    const check = this.options.checkOf(inbox);
    if (check === null) return 'ok';
    return this.judge(check, presentedSecret(headers));
  }

  private async judge(check: SecretCheck, presented: string | null): Promise<SecretVerdict> {
    const expected = await this.digestOf(check.profileId);
    if (expected === null) return 'ok';
    const matches = presented !== null && timingSafeEqual(digest(presented), expected);
    if (matches) return 'ok';
    return check.reject ? 'reject' : 'flag';
  }

  /** A profile was created, changed or deleted here: read secrets afresh. */
  forget(): void {
    this.digests.clear();
  }

  private digestOf(profileId: number): Promise<Buffer | null> {
    const cached = this.digests.get(profileId);
    const now = this.now();
    if (cached && now - cached.loadedAt < this.refreshMs) return cached.value;
    const value = this.load(profileId);
    if (!cached) {
      this.digests.set(profileId, { loadedAt: now, value });
      return value;
    }
    // Stale: the old digest answers this delivery, the fresh one replaces it once read.
    cached.loadedAt = now;
    value.then((fresh) => {
      if (this.digests.get(profileId) === cached)
        this.digests.set(profileId, { loadedAt: now, value: Promise.resolve(fresh) });
    });
    return cached.value;
  }

  private async load(profileId: number): Promise<Buffer | null> {
    try {
      const secret = await this.options.secretOf(profileId);
      return secret === null || secret === '' ? null : digest(secret);
    } catch (error) {
      // The database is away: deliveries are still taken (and not flagged); the next read tries again.
      this.options.log(`secret check: could not read profile ${profileId}: ${describeError(error)}`);
      this.digests.delete(profileId);
      return null;
    }
  }
}

/** The first value of the secret header, as the receiver read the raw header pairs. */
export function presentedSecret(headers: ReadonlyArray<readonly [string, string]>): string | null {
  for (const [name, value] of headers) if (name.toLowerCase() === SECRET_HEADER) return value;
  return null;
}

/** The profile store, telling the checker whenever a profile (and so maybe its secret) changes here. */
export function forgettingOnChange<T extends { create: AnyAsync; save: AnyAsync; delete: AnyAsync }>(
  profiles: T,
  checker: SecretChecker,
): T {
  const after =
    <F extends AnyAsync>(f: F) =>
    async (...args: Parameters<F>) => {
      try {
        return await f.apply(profiles, args);
      } finally {
        checker.forget();
      }
    };
  return Object.assign(Object.create(profiles) as T, {
    create: after(profiles.create),
    save: after(profiles.save),
    delete: after(profiles.delete),
  });
}

// biome-ignore lint/suspicious/noExplicitAny: any method's arguments pass through unchanged.
type AnyAsync = (...args: any[]) => Promise<unknown>;
