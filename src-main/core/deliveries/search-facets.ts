import type { DeliveryFilter } from '@contract';
import { idVariants } from './filter-sql';

/** The columns of a stored delivery that filters narrow by. */
export interface FacetColumns {
  kind: string;
  platform: string;
  response_status: number;
  problem: string | null;
  user_id: number | string | null;
  chat_id: number | string | null;
}

/**
 * Values become single tokens the tokenizer leaves whole: a letter for the
 * field, then the value's UTF-8 in hex (`signed-link` or a chat id `-100…`
 * would otherwise split into words). They live in their own column, so a
 * text search never matches them.
 */
const hex = (value: string): string => Buffer.from(value, 'utf8').toString('hex');
const kindToken = (kind: string) => `k${hex(kind)}`;
const platformToken = (platform: string) => `f${hex(platform)}`;
const statusToken = (status: number) => `s${status}`;
const classToken = (digit: number | string) => `c${digit}`;
const problemToken = (problem: string) => `p${hex(problem)}`;
/** `n`, `x`: not hex digits, so never a problem code's token. */
const NO_PROBLEM = 'pn';
const SOME_PROBLEM = 'px';
/**
 * Ids keep the type the platform sent (7 and "7" are stored apart, and a
 * typed "07" finds the number 7 but not the text "7"): one letter each.
 */
type IdLetters = { number: string; text: string };
const USER: IdLetters = { number: 'u', text: 'v' };
const CHAT: IdLetters = { number: 'h', text: 'g' };
const idToken = (id: number | string, letters: IdLetters) =>
  typeof id === 'number' ? `${letters.number}${hex(String(id))}` : `${letters.text}${hex(id)}`;

/** The facets column of one delivery. */
export function facetTokens(row: FacetColumns): string {
  const tokens = [
    kindToken(row.kind),
    platformToken(row.platform),
    statusToken(row.response_status),
    classToken(Math.floor(row.response_status / 100)),
  ];
  if (row.problem === null) tokens.push(NO_PROBLEM);
  else tokens.push(SOME_PROBLEM, problemToken(row.problem));
  if (row.user_id !== null) tokens.push(idToken(row.user_id, USER));
  if (row.chat_id !== null) tokens.push(idToken(row.chat_id, CHAT));
  return tokens.join(' ');
}

/** An id typed as text matches either spelling it may be stored with (see idVariants). */
function idTerm(id: string, letters: IdLetters): string {
  const spellings = [...new Set(idVariants(id).map((variant) => idToken(variant, letters)))];
  return spellings.length === 1
    ? `facets : ${spellings[0]}`
    : `(${spellings.map((t) => `facets : ${t}`).join(' OR ')})`;
}

/** The facet terms a filter ANDs together, as FTS5 query text. */
export function facetTerms(filter: DeliveryFilter): string[] {
  const terms: string[] = [];
  const facet = (token: string) => terms.push(`facets : ${token}`);
  if (filter.kind !== undefined) facet(kindToken(filter.kind));
  if (filter.platform !== undefined) facet(platformToken(filter.platform));
  if (typeof filter.status === 'number') facet(statusToken(filter.status));
  else if (filter.status !== undefined) facet(classToken(filter.status.charAt(0)));
  if (filter.problem === 'none') facet(NO_PROBLEM);
  else if (filter.problem === 'any') facet(SOME_PROBLEM);
  else if (filter.problem !== undefined) facet(problemToken(filter.problem));
  if (filter.userId !== undefined) terms.push(idTerm(filter.userId, USER));
  if (filter.chatId !== undefined) terms.push(idTerm(filter.chatId, CHAT));
  return terms;
}
