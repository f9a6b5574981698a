/**
 * The words a search looks for, as the server's full-text index sees them: the query split at
 * white space (src-main/core/deliveries/filter-sql.ts `ftsQuery`), each word then split where
 * the index's tokenizer splits (anything not a letter or digit). Lower-cased and without repeats;
 * empty when there is no search.
 */
export function searchTerms(query: string | undefined): string[] {
  if (query === undefined) return [];
  const terms = new Set<string>();
  for (const token of query.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (token !== '') terms.add(token);
  }
  return [...terms];
}
