import {
  ContractError,
  changesState,
  type Envelope,
  type ErrorBody,
  isMethodName,
  METHOD_ROLES,
  type MethodName,
  type Person,
  roleAllows,
  type Service,
} from '@contract';
import { dispatch } from '@contract/dispatch';
import { AUDIT_EXPORT_PREFIX, type PgAuditStore } from '../audit/audit-store';
import { auditTarget } from '../audit/audit-target';
import { describeError } from '../describe-error';
import type { PgPeopleStore } from '../people/people-store';
import { tokenHash } from '../people/tokens';
import type { StoreHealth } from '../store/health';
import { shownTo } from './shown-to';

export interface TeamGateDeps {
  /** The team server's service (store errors already said as `unavailable`). */
  service: Service;
  people: PgPeopleStore;
  audit: PgAuditStore;
  unreachable: (error: unknown) => string | null;
  health: StoreHealth;
  /** Another replica (or the command line) revoked someone. */
  onPeopleChanged: (listener: () => void) => () => void;
  log: (message: string) => void;
}

/** The web bridge's plain-HTTP file routes, which a person's role governs like the methods behind them. */
export type FileRoute = 'download' | 'upload';

const ROUTE_NAMES: Record<FileRoute, string> = { download: 'GET /downloads', upload: 'POST /uploads' };

function forbidden(person: Person, what: string, needed: MethodNeed): ContractError {
  if (needed === 'local') {
    return new ContractError(
      'forbidden',
      `"${what}" belongs to the desktop app's own list of team servers: a team server refuses it to everyone.`,
    );
  }
  return new ContractError(
    'forbidden',
    `"${what}" needs the ${needed} role; ${person.name} is ${person.role === 'admin' ? 'an' : 'a'} ${person.role}.`,
  );
}

type MethodNeed = (typeof METHOD_ROLES)[MethodName];

const describeFailure = (error: ErrorBody): string => `${error.error}: ${error.message}`;

/** Tokens remembered for an outage of the database (see authenticate); the oldest go first. */
const REMEMBERED_TOKENS = 1000;

/**
 * Where a team server's calls meet its people: a personal token names a
 * person; a call beyond their role is refused (403, naming the role
 * needed); every state-changing call, and every refused one, is written to
 * the audit log after it ends; answers are cut to what the role may see.
 * The local app never comes here: its Service is called as it always was.
 */
export class TeamGate {
  private readonly listeners = new Set<() => void>();
  /** Who each token recently opened, by the token's hash: the answer while the database is away. */
  private readonly lastSeen = new Map<string, Person>();

  constructor(private readonly deps: TeamGateDeps) {
    deps.onPeopleChanged(() => this.peopleChanged());
  }

  /**
   * The person whose token this is; null for no token, an unknown one or a
   * revoked one. Asked of the database on every call, so a revocation holds
   * from the next call on every replica. While the database is away, a token
   * that opened something here before still names its person, so the UI can
   * hear that the database is away (app.status) instead of being logged out;
   * no one can be revoked meanwhile, and what needs the database fails as
   * `unavailable` anyway. Any revocation heard clears what is remembered.
   */
  async authenticate(token: string | null | undefined): Promise<Person | null> {
    if (!token) return null;
    const key = tokenHash(token).toString('hex');
    try {
      const person = await this.deps.people.byToken(token);
      this.lastSeen.delete(key);
      if (person !== null) {
        this.lastSeen.set(key, person);
        if (this.lastSeen.size > REMEMBERED_TOKENS) {
          const oldest = this.lastSeen.keys().next().value;
          if (oldest !== undefined) this.lastSeen.delete(oldest);
        }
      }
      return person;
    } catch (error) {
      const remembered = this.deps.unreachable(error) === null ? undefined : this.lastSeen.get(key);
      if (remembered !== undefined) return remembered;
      throw this.storeError(error);
    }
  }

  /** One contract call made by `person`: what a transport gives dispatch, with the person beside it. */
  async call(person: Person, method: unknown, input: unknown): Promise<Envelope<unknown>> {
    if (isMethodName(method) && !roleAllows(person.role, method)) {
      const refused = forbidden(person, method, METHOD_ROLES[method]);
      await this.record(person, method, auditTarget(method, input), refused.toBody());
      return { ok: false, error: refused.toBody() };
    }
    const service: Service =
      method === 'app.whoami'
        ? { ...this.deps.service, 'app.whoami': () => ({ mode: 'team', person }) }
        : this.deps.service;
    const result = await dispatch(service, method, input);
    if (!isMethodName(method)) return result;
    if (changesState(method)) {
      await this.record(person, method, auditTarget(method, input), result.ok ? null : result.error);
    }
    if (!result.ok) return result;
    // This replica's own revocations: the relay hears only other replicas'.
    if (method === 'people.revoke') this.peopleChanged();
    return { ok: true, value: shownTo(person.role, method, result.value) };
  }

  /** Null when `person` may use the route for this file; otherwise the refusal (recorded). */
  async refuseFile(person: Person, route: FileRoute, file: string): Promise<ContractError | null> {
    // The role of the method behind the route: importing an upload, listing (or, for audit exports, making) an export.
    const behind: MethodName =
      route === 'upload'
        ? 'import.start'
        : file.startsWith(AUDIT_EXPORT_PREFIX)
          ? 'audit.export'
          : 'export.list';
    if (roleAllows(person.role, behind)) return null;
    const what = ROUTE_NAMES[route];
    const refused = forbidden(person, what, METHOD_ROLES[behind]);
    await this.record(person, what, file === '' ? null : `file ${file.slice(0, 64)}`, refused.toBody());
    return refused;
  }

  /** Which of these people are not revoked (for the sessions a replica holds open). */
  async active(ids: readonly number[]): Promise<Set<number>> {
    try {
      return await this.deps.people.active(ids);
    } catch (error) {
      throw this.storeError(error);
    }
  }

  /** Someone was revoked, here or on another replica: sessions should be checked. */
  onPeopleChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** On a database with no people: one admin, whose token is answered this once; otherwise null. */
  async addFirstAdmin(): Promise<string | null> {
    return (await this.deps.people.addFirstAdmin())?.token ?? null;
  }

  private peopleChanged(): void {
    this.lastSeen.clear();
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (error) {
        this.deps.log(`people: a listener for revocations failed: ${describeError(error)}`);
      }
    }
  }

  /**
   * After the call: its effect has happened whatever the log says, so a
   * failure to write the entry is logged rather than turned into a failed
   * answer to a call that did succeed.
   */
  private async record(person: Person, method: string, target: string | null, error: ErrorBody | null) {
    try {
      await this.deps.audit.append({
        actor: { id: person.id, name: person.name, role: person.role },
        method,
        target,
        outcome: error === null ? 'ok' : 'error',
        error: error === null ? null : describeFailure(error),
      });
    } catch (failure) {
      this.deps.log(
        `audit: ${method} by ${person.name} (#${person.id}) was not recorded: ${describeError(failure)}`,
      );
    }
  }

  private storeError(error: unknown): unknown {
    const reason = this.deps.unreachable(error);
    if (reason === null) return error;
    this.deps.health.failed(reason);
    return new ContractError(
      'unavailable',
      `The team database cannot be reached (${reason}); try again when it is back.`,
    );
  }
}
