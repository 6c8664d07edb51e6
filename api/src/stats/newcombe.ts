import { Z_95 } from './normal';
import { wilsonInterval } from './wilson';

export interface ProportionDifference {
  /** p1 − p2. */
  delta: number;
  /** Newcombe's hybrid score interval (1998, method 10). */
  ci: [number, number];
  /** The interval excludes 0. */
  significant: boolean;
}

/**
 * Difference of two independent proportions x1/n1 − x2/n2 with Newcombe's hybrid score interval
 * (Newcombe 1998, "Interval estimation for the difference between independent proportions", method 10):
 * the Wilson limits of each proportion combined by the square-and-add rule. Null when an arm is empty.
 */
export function newcombeDifference(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  z: number = Z_95,
): ProportionDifference | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const [l1, u1] = wilsonInterval(x1, n1, z);
  const [l2, u2] = wilsonInterval(x2, n2, z);
  const delta = p1 - p2;
  const lo = delta - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const hi = delta + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return { delta, ci: [lo, hi], significant: lo > 0 || hi < 0 };
}
