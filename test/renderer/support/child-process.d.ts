// The renderer's tsconfig has no Node types (renderer code must not use Node),
// but the curl tests run real `sh` to prove the quoting: declare just that.
declare module 'node:child_process' {
  export function execFileSync(file: string, args: readonly string[], options: { encoding: 'utf8' }): string;
  export function execFileSync(file: string, args: readonly string[]): Uint8Array;
}
