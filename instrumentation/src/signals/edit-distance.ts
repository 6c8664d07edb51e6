/**
 * Normalized edit distance between what the model wrote and what the user kept: Levenshtein
 * distance over Unicode code points divided by the longer length, so 0 is untouched and 1 is
 * rewritten. Pure and dependency-free: the browser helper uses it too.
 *
 * The common prefix and suffix are stripped first; user edits are usually local, which turns the
 * quadratic table into a small one for typical texts.
 */
export function normalizedEditDistance(original: string, final: string): number {
  const a = Array.from(original);
  const b = Array.from(final);
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 0;
  return levenshtein(a, b) / longest;
}

export function levenshtein(a: readonly string[], b: readonly string[]): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0) return m;
  if (m === 0) return n;

  let previous = new Uint32Array(m + 1);
  let current = new Uint32Array(m + 1);
  for (let j = 0; j <= m; j += 1) previous[j] = j;
  for (let i = 1; i <= n; i += 1) {
    current[0] = i;
    const charA = a[start + i - 1];
    for (let j = 1; j <= m; j += 1) {
      const substitution = previous[j - 1]! + (charA === b[start + j - 1] ? 0 : 1);
      const deletion = previous[j]! + 1;
      const insertion = current[j - 1]! + 1;
      current[j] = Math.min(substitution, deletion, insertion);
    }
    [previous, current] = [current, previous];
  }
  return previous[m]!;
}
