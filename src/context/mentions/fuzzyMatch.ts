// Fuzzy file matching for @-mentions: every query character in order, scored so name matches, contiguous runs
// and short paths come first, as in VS Code's Quick Open.

/** A score for `path` against `query` (higher is better), or undefined when it does not match. */
export function fuzzyScore(path: string, query: string): number | undefined {
  if (query === '') return 1000 - path.length;
  // A match within the file name beats any match spread over the folders.
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const inName = inOrder(name, query);
  if (inName !== undefined) return 1_000_000 + inName * 100 - path.length;
  const inPath = inOrder(path, query);
  return inPath === undefined ? undefined : inPath * 100 - path.length;
}

function inOrder(path: string, query: string): number | undefined {
  const p = path.toLowerCase();
  const q = query.toLowerCase();
  const nameStart = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1;
  let score = 0;
  let at = -1;
  let run = 0;
  for (const ch of q) {
    const found = p.indexOf(ch, at + 1);
    if (found === -1) return undefined;
    run = found === at + 1 ? run + 1 : 0;
    score += 1 + run * 3 + (found >= nameStart ? 2 : 0) + (found === nameStart || '/._-'.includes(p[found - 1] ?? '/') ? 3 : 0);
    at = found;
  }
  return score;
}

export function fuzzyFilter(paths: readonly string[], query: string, limit = 20): string[] {
  return paths
    .map((path) => ({ path, score: fuzzyScore(path, query) }))
    .filter((m): m is { path: string; score: number } => m.score !== undefined)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((m) => m.path);
}
