import { PARAM_NAME_MAX, PARAM_VALUE_MAX, RESERVED_PARAM_NAMES } from '@contract/link-rules';

/** One key/value row of the form; `id` keeps React's rows stable while keys are edited. */
export interface ParamRow {
  id: number;
  key: string;
  value: string;
}

/**
 * Names that carry the link's own fields, shared with the signer (which
 * refuses them too): a param named `user` would otherwise let a link say two
 * things about who it is for.
 */
export const RESERVED_PARAMS: ReadonlySet<string> = new Set(RESERVED_PARAM_NAMES);

const isBlank = (row: ParamRow) => row.key === '' && row.value === '';

function rowProblem({ key, value }: ParamRow, earlier: ReadonlySet<string>): string | null {
  if (key === '') return 'A parameter needs a name.';
  if (RESERVED_PARAMS.has(key)) return `“${key}” is reserved for the link's own fields.`;
  if (earlier.has(key)) return `“${key}” is already a parameter; each name once.`;
  if (key.includes('[')) return `“${key}”: array parameters (name[]) are not signed.`;
  if (key.length > PARAM_NAME_MAX) return `A name is at most ${PARAM_NAME_MAX} characters.`;
  if (value.length > PARAM_VALUE_MAX) return `A value is at most ${PARAM_VALUE_MAX} characters.`;
  return null;
}

/** Why each row would be refused, by row id; a row left wholly blank is skipped, not refused. */
export function paramProblems(rows: readonly ParamRow[]): Map<number, string> {
  const problems = new Map<number, string>();
  const seen = new Set<string>();
  for (const row of rows) {
    if (isBlank(row)) continue;
    const problem = rowProblem(row, seen);
    seen.add(row.key);
    if (problem !== null) problems.set(row.id, problem);
  }
  return problems;
}

/** The rows as the contract takes them: [key, value] pairs, blank rows left out. */
export function paramPairs(rows: readonly ParamRow[]): Array<[string, string]> {
  return rows.filter((row) => !isBlank(row)).map((row) => [row.key, row.value]);
}
