/** A refusal in the platforms' words: the HTTP status and `description` of `{ok: false}`. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(description);
  }
}
