import { Z_95 } from './normal';

/**
 * Wilson score interval for a single proportion x/n (Newcombe 1998, "Two-sided confidence intervals for
 * the single proportion", method 3, without continuity correction). n = 0 gives the vacuous [0, 1].
 */
export function wilsonInterval(x: number, n: number, z: number = Z_95): [number, number] {
  if (n <= 0) return [0, 1];
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n);
  const denominator = 1 + z2 / n;
  // Exact at the boundaries: the formula gives them up to rounding.
  const lo = x === 0 ? 0 : (centre - half) / denominator;
  const hi = x === n ? 1 : (centre + half) / denominator;
  return [lo, hi];
}
