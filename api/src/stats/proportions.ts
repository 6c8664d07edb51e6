import { twoSidedP } from './normal';

export interface ZTest {
  difference: number;
  z: number;
  p: number;
}

/**
 * Two-sample z-test of x1/n1 against x2/n2 with the pooled standard error (the textbook test, equal to
 * ClickHouse's `proportionsZTest(…, 'pooled')`). Null when an arm is empty.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): ZTest | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const difference = p1 - p2;
  if (se === 0) return { difference, z: 0, p: 1 };
  const z = difference / se;
  return { difference, z, p: twoSidedP(z) };
}
