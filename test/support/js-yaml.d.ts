// js-yaml 3 ships no types; only what the tests call is declared.
declare module 'js-yaml' {
  /** Parses YAML with the safe schema (no JavaScript types); throws YAMLException on a syntax error. */
  export function safeLoad(text: string): unknown;
}
