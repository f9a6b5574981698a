import { describe, expect, it } from 'vitest';

// Every feature's source file, as text, keyed by its path ('/src-renderer/features/<feature>/…').
const SOURCES = import.meta.glob<string>('/src-renderer/features/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** A path with `.` and `..` segments resolved. */
function resolvePath(parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out;
}

/** Which other features each feature folder imports from (relative imports only). */
function featureGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [file, text] of Object.entries(SOURCES)) {
    const parts = file.split('/').filter((part) => part !== '');
    const feature = parts[2] as string;
    const uses = graph.get(feature) ?? new Set<string>();
    graph.set(feature, uses);
    for (const [, specifier] of text.matchAll(/\bfrom\s*['"](\.[^'"]+)['"]/g)) {
      const target = resolvePath([...parts.slice(0, -1), ...(specifier as string).split('/')]);
      if (target[0] === 'src-renderer' && target[1] === 'features' && target[2] !== feature) {
        uses.add(target[2] as string);
      }
    }
  }
  return graph;
}

/** Every feature reachable from `start` through imports. */
function reachable(graph: Map<string, Set<string>>, start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...(graph.get(start) ?? [])];
  while (queue.length > 0) {
    const next = queue.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(graph.get(next) ?? []));
  }
  return seen;
}

describe('feature imports', () => {
  it('the scan sees real imports (search uses the deliveries feature)', () => {
    expect(featureGraph().get('search')?.has('deliveries')).toBe(true);
  });

  it('the deliveries feature is in no import cycle: what it uses never uses it back', () => {
    const graph = featureGraph();
    const back = [...(graph.get('deliveries') ?? [])].filter((other) =>
      reachable(graph, other).has('deliveries'),
    );
    expect(back).toEqual([]);
    expect(reachable(graph, 'deliveries').has('search')).toBe(false);
  });

  it('no two features import each other, directly or through others', () => {
    const graph = featureGraph();
    const cycles = [...graph.keys()].flatMap((feature) =>
      [...(graph.get(feature) ?? [])]
        .filter((other) => reachable(graph, other).has(feature))
        .map((other) => `${feature} -> ${other}`),
    );
    expect(cycles).toEqual([]);
  });

  it('search and deeplinks no longer import each other (the search bar is handed linkTo)', () => {
    const graph = featureGraph();
    expect(graph.get('deeplinks')?.has('search')).toBe(true);
    expect(reachable(graph, 'search').has('deeplinks')).toBe(false);
  });
});
