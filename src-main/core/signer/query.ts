import { encodeComponent } from './canonical';
import { LinkError, RESERVED } from './checks';

export interface ParsedQuery {
  command: string;
  options: string | null;
  sig: string;
  user: string;
  params: Array<[string, string]>;
  redirect: string | null;
  expires: string | null;
}

/**
 * Reads a link's raw query strictly: every pair present once, in the exact
 * encoding the signer writes, nothing empty, nothing array-valued. The
 * values are those received, byte for byte: nothing is re-serialized.
 * One pass with indexOf, the link's own fields kept in variables: this runs
 * for every request on the link route.
 */
export function parseLinkQuery(rawQuery: string): ParsedQuery {
  if (rawQuery === '') throw new LinkError('missing-field', 'no query');
  let command: string | null = null;
  let options: string | null = null;
  let sig: string | null = null;
  let user: string | null = null;
  let redirect: string | null = null;
  let expires: string | null = null;
  const params: Array<[string, string]> = [];
  const names = new ParamNames();
  const end = rawQuery.length;
  for (let start = 0; start <= end; ) {
    let amp = rawQuery.indexOf('&', start);
    if (amp < 0) amp = end;
    const eq = rawQuery.indexOf('=', start);
    if (eq <= start || eq >= amp) throw new LinkError('malformed', 'an empty or nameless parameter');
    const field = fieldAt(rawQuery, start, eq);
    const key =
      field === OTHER ? canonicalDecode(rawQuery.slice(start, eq), null) : (FIELD_NAMES[field] as string);
    const value = canonicalDecode(rawQuery.slice(eq + 1, amp), key);
    let taken: string | null;
    switch (field) {
      case COMMAND:
        taken = command;
        command = value;
        break;
      case OPTIONS:
        taken = options;
        options = value;
        break;
      case SIG:
        taken = sig;
        sig = value;
        break;
      case USER:
        taken = user;
        user = value;
        break;
      case REDIRECT:
        taken = redirect;
        redirect = value;
        break;
      case EXPIRES:
        taken = expires;
        expires = value;
        break;
      default:
        // Never one of the link's own names: written otherwise, those are refused as non-canonical.
        if (key.includes('[')) throw new LinkError('array-parameter', key);
        taken = names.add(key, params) ? null : key;
        params.push([key, value]);
    }
    if (taken !== null) throw new LinkError('duplicate-parameter', key);
    start = amp + 1;
  }
  if (command === null || sig === null || user === null || command === '' || user === '') {
    throw new LinkError('missing-field');
  }
  if (expires !== null && !/^[1-9]\d{0,11}$/.test(expires)) throw new LinkError('non-canonical', 'expires');
  for (const [key] of params) if (RESERVED.has(key)) throw new LinkError('reserved-parameter', key);
  return { command, options, sig, user, params, redirect, expires };
}

const COMMAND = 0;
const OPTIONS = 1;
const SIG = 2;
const USER = 3;
const REDIRECT = 4;
const EXPIRES = 5;
const OTHER = -1;
/** The link's own fields, by the numbers above. */
const FIELD_NAMES: readonly string[] = ['command', 'options', 'sig', 'user', 'redirect', 'expires'];

/**
 * Which of the link's own fields the raw key `query[start, eq)` names, read in
 * place: those names are plain text, their own canonical encoding, so they
 * need neither a copy nor a decode. OTHER for any other key.
 */
function fieldAt(query: string, start: number, eq: number): number {
  let field: number;
  switch (eq - start) {
    case 3:
      field = SIG;
      break;
    case 4:
      field = USER;
      break;
    case 7: {
      const first = query.charCodeAt(start);
      field = first === 99 ? COMMAND : first === 111 ? OPTIONS : first === 101 ? EXPIRES : OTHER;
      break;
    }
    case 8:
      field = REDIRECT;
      break;
    default:
      return OTHER;
  }
  return field !== OTHER && query.startsWith(FIELD_NAMES[field] as string, start) ? field : OTHER;
}

/**
 * The param names seen so far: a scan of the few a link usually has, a Set
 * once there are many, so a long query stays linear.
 */
class ParamNames {
  private set: Set<string> | null = null;

  /** False when `key` was seen already. */
  add(key: string, params: ReadonlyArray<readonly [string, string]>): boolean {
    if (this.set !== null) {
      if (this.set.has(key)) return false;
      this.set.add(key);
      return true;
    }
    for (const [name] of params) if (name === key) return false;
    if (params.length >= 8) this.set = new Set([...params.map(([name]) => name), key]);
    return true;
  }
}

/** What encodeURIComponent leaves as it is: text made only of these needs no decoding and is canonical. */
const UNESCAPED = /^[A-Za-z0-9\-_.!~*'()]*$/;

/**
 * A key or value decoded, refused unless written exactly as the signer writes
 * it; the error names the parameter (`name`, or for a key, the key itself).
 */
function canonicalDecode(raw: string, name: string | null): string {
  if (UNESCAPED.test(raw)) return raw;
  const decoded = decode(raw);
  if (encodeComponent(decoded) !== raw) throw new LinkError('non-canonical', name ?? decoded);
  return decoded;
}

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new LinkError('malformed', 'bad percent-encoding');
  }
}
