import { describe, expect, it } from 'vitest';
import { mantelHaenszelDifference } from './mantel-haenszel';
import { Z_95 } from './normal';

describe('mantelHaenszelDifference', () => {
  it('UGDP tolbutamide trial stratified by age (Rothman, Modern Epidemiology): RD_MH = 0.035', () => {
    // Deaths: age < 55: tolbutamide 8/106, placebo 5/120; age ≥ 55: tolbutamide 22/98, placebo 16/85.
    const result = mantelHaenszelDifference([
      { x1: 8, n1: 106, x0: 5, n0: 120 },
      { x1: 22, n1: 98, x0: 16, n0: 85 },
    ])!;
    expect(result.difference).toBeCloseTo(0.0349, 4);
    // Hand computation of Sato's estimator for these tables: P = −0.00947…, Q = 11.1645…, W = 101.802…
    const w = (106 * 120) / 226 + (98 * 85) / 183;
    const p =
      (106 ** 2 * 5 - 120 ** 2 * 8 + (106 * 120 * (120 - 106)) / 2) / 226 ** 2 +
      (98 ** 2 * 16 - 85 ** 2 * 22 + (98 * 85 * (85 - 98)) / 2) / 183 ** 2;
    const q = (8 * (120 - 5) + 5 * (106 - 8)) / (2 * 226) + (22 * (85 - 16) + 16 * (98 - 22)) / (2 * 183);
    expect(result.variance).toBeCloseTo((result.difference * p + q) / w ** 2, 12);
    expect(result.significant).toBe(false);
  });

  it('one stratum reduces to the crude difference with the Wald variance', () => {
    const [x1, n1, x0, n0] = [30, 100, 18, 120];
    const result = mantelHaenszelDifference([{ x1, n1, x0, n0 }])!;
    const p1 = x1 / n1;
    const p0 = x0 / n0;
    expect(result.difference).toBeCloseTo(p1 - p0, 12);
    expect(result.variance).toBeCloseTo((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0, 12);
    const se = Math.sqrt(result.variance);
    expect(result.ci[0]).toBeCloseTo(p1 - p0 - Z_95 * se, 12);
  });

  it('identical strata give their common difference; large ones are significant', () => {
    const stratum = { x1: 600, n1: 1000, x0: 500, n0: 1000 };
    const result = mantelHaenszelDifference([stratum, stratum])!;
    expect(result.difference).toBeCloseTo(0.1, 12);
    expect(result.significant).toBe(true);
    expect(result.p).toBeLessThan(1e-6);
  });

  it('skips strata with an empty group and is null when nothing is left', () => {
    expect(mantelHaenszelDifference([{ x1: 1, n1: 2, x0: 0, n0: 0 }])).toBeNull();
  });
});
