import { twoSidedP, Z_95 } from './normal';

/** One stratum: `x1` events among `n1` in the first group, `x0` among `n0` in the second. */
export interface Stratum {
  x1: number;
  n1: number;
  x0: number;
  n0: number;
}

export interface PooledDifference {
  /** Mantel–Haenszel common risk difference, first group minus second. */
  difference: number;
  /** Sato (1989) variance, as in SAS PROC FREQ and epiR. */
  variance: number;
  ci: [number, number];
  p: number;
  significant: boolean;
}

/**
 * Mantel–Haenszel estimate of the common risk difference over strata (weights n1·n0/N) with Sato's
 * variance estimator, which stays valid both for few large strata and for many sparse ones. Strata with
 * an empty group carry no information and are skipped; null when none is left.
 */
export function mantelHaenszelDifference(strata: Stratum[], z: number = Z_95): PooledDifference | null {
  let numerator = 0;
  let w = 0;
  let p = 0;
  let q = 0;
  for (const { x1, n1, x0, n0 } of strata) {
    if (n1 <= 0 || n0 <= 0) continue;
    const n = n1 + n0;
    numerator += (x1 * n0 - x0 * n1) / n;
    w += (n1 * n0) / n;
    p += (n1 * n1 * x0 - n0 * n0 * x1 + (n1 * n0 * (n0 - n1)) / 2) / (n * n);
    q += (x1 * (n0 - x0) + x0 * (n1 - x1)) / (2 * n);
  }
  if (w === 0) return null;
  const difference = numerator / w;
  const variance = Math.max(0, (difference * p + q) / (w * w));
  const se = Math.sqrt(variance);
  const ci: [number, number] = [difference - z * se, difference + z * se];
  const pValue = se > 0 ? twoSidedP(difference / se) : difference === 0 ? 1 : 0;
  return { difference, variance, ci, p: pValue, significant: ci[0] > 0 || ci[1] < 0 };
}
