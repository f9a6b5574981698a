/**
 * Characters for generated search texts and queries: the scripts and
 * symbols a webhook carries, the spots where tokenizers tend to differ
 * (case variants, diacritics on Latin and other letters, combining marks,
 * compatibility forms, non-ASCII digits, odd whitespace) and every
 * character with a meaning in FTS5 or tsquery syntax. All are characters
 * SQLite's Unicode tables know, where the two stores must agree exactly.
 */
export const SEARCH_ALPHABET: readonly string[] = [
  ...'abcxyzABCXYZ0123456789',
  ...'éÉèàçñÑüÜößøØłŁđæœÅǘ',
  ...'ΑαΣσςΟοάΆ',
  ...'ЖжйЙёЁ',
  ...'日本がガ한국',
  ...'عربשלום',
  ...'हिन्दी',
  '\u0301',
  '\u0308',
  '\u0306',
  '\u0305',
  '\u0327',
  ...'٣²Ⅻ①',
  ...'ıİſµKǅﬁＡ',
  '😀',
  '✓',
  '\ue000',
  ...' \t\n\u00a0\u3000\u200b',
  ...`"'*:&|!()<>-\\^+,._@#/`,
];
