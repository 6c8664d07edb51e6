/**
 * Population stability index of `actual` against `expected`, both counts over the same bins:
 * Σ (a − e) · ln(a / e) over the bins' shares. An empty bin on either side would make a term infinite,
 * so shares are floored at `epsilon` (1e-4, the usual convention). Null when either side is empty.
 */
export function populationStabilityIndex(
  expected: number[],
  actual: number[],
  epsilon = 1e-4,
): number | null {
  if (expected.length !== actual.length) throw new Error('PSI needs the same bins on both sides');
  const e = expected.reduce((s, x) => s + x, 0);
  const a = actual.reduce((s, x) => s + x, 0);
  if (e <= 0 || a <= 0) return null;
  let psi = 0;
  for (let i = 0; i < expected.length; i++) {
    const es = Math.max(expected[i]! / e, epsilon);
    const as = Math.max(actual[i]! / a, epsilon);
    psi += (as - es) * Math.log(as / es);
  }
  return psi;
}

/** Aligns two category → count maps on the union of their categories. */
export function alignCategories(
  expected: Record<string, number>,
  actual: Record<string, number>,
): { bins: string[]; expected: number[]; actual: number[] } {
  const bins = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return { bins, expected: bins.map((b) => expected[b] ?? 0), actual: bins.map((b) => actual[b] ?? 0) };
}
