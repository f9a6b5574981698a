import { z } from 'zod';

/**
 * A finding the project accepts, and why. It matches by check and file, so
 * the same check firing in any other file is still a failure.
 */
const AllowEntry = z
  .object({
    check: z.string().regex(/^[A-Z0-9_]+$/, 'a check id, e.g. PRELOAD_JS_CHECK'),
    /** Relative to the project root, with `/`; a global check names the folder scanned. */
    file: z
      .string()
      .min(1)
      .refine((file) => !file.startsWith('/') && !file.includes('\\'), 'a project-relative path with /'),
    justification: z
      .string()
      .trim()
      .min(20, 'a justification of one line, saying why this is safe')
      .refine((text) => !/[\r\n]/.test(text), 'one line'),
  })
  .strict();

export type AllowEntry = z.infer<typeof AllowEntry>;

const AllowList = z.object({ $comment: z.string().optional(), allowed: z.array(AllowEntry) }).strict();

/** Parses the committed allow-list; an entry without a reason, or listed twice, is refused. */
export function parseAllowList(text: string): AllowEntry[] {
  const parsed = AllowList.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`The Electronegativity allow-list is invalid:\n  ${issues.join('\n  ')}`);
  }
  const seen = new Set<string>();
  for (const entry of parsed.data.allowed) {
    const key = entryKey(entry);
    if (seen.has(key)) throw new Error(`The allow-list names ${entry.check} in ${entry.file} twice.`);
    seen.add(key);
  }
  return parsed.data.allowed;
}

export const entryKey = (entry: { check: string; file: string }): string => `${entry.check} ${entry.file}`;
