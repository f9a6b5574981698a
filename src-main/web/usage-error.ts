/** A command line the CLI cannot run: its message is printed above the usage text, exit code 2. */
export class UsageError extends Error {}
