// Zod-free: the renderer imports this at runtime, and core re-exports it
// (core/describe-error.ts), so every layer words a thrown value the same way.

/** An error as one line for a log or a reason; with `stack`, the stack too when there is one. */
export function describeError(error: unknown, stack = false): string {
  if (error instanceof Error) return stack && error.stack ? error.stack : error.message;
  return String(error);
}
