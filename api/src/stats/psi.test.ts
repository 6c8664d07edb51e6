import { describe, expect, it } from 'vitest';
import { alignCategories, populationStabilityIndex } from './psi';

describe('populationStabilityIndex', () => {
  it('uniform quartiles against 10/20/30/40: Σ (a − e) ln(a / e) = 0.2282…', () => {
    const expected =
      0.15 * Math.log(1.6) + 0.05 * Math.log(1.2) - 0.05 * Math.log(0.8) - 0.15 * Math.log(0.4);
    expect(populationStabilityIndex([25, 25, 25, 25], [10, 20, 30, 40])).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(0.2282, 4);
  });

  it('is 0 for the same distribution at any scale, and symmetric', () => {
    expect(populationStabilityIndex([1, 2, 3], [100, 200, 300])).toBeCloseTo(0, 12);
    expect(populationStabilityIndex([50, 50], [80, 20])).toBeCloseTo(
      populationStabilityIndex([80, 20], [50, 50])!,
      12,
    );
  });

  it('two normal distributions shifted by d have PSI ≈ d² for deciles (KL symmetrised)', () => {
    // Symmetrised KL divergence of N(0,1) and N(d,1) is d²; ten equiprobable bins capture most of it.
    const d = 0.3;
    const cdf = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
    const edges = [
      -Infinity,
      -1.2816,
      -0.8416,
      -0.5244,
      -0.2533,
      0,
      0.2533,
      0.5244,
      0.8416,
      1.2816,
      Infinity,
    ];
    const base = edges.slice(1).map((e, i) => cdf(e) - cdf(edges[i]!));
    const shifted = edges.slice(1).map((e, i) => cdf(e - d) - cdf(edges[i]! - d));
    const psi = populationStabilityIndex(base, shifted)!;
    expect(psi).toBeGreaterThan(0.8 * d * d);
    expect(psi).toBeLessThan(d * d);
  });

  it('floors empty bins instead of returning infinity, and is null for an empty side', () => {
    const psi = populationStabilityIndex([50, 50, 0], [50, 40, 10])!;
    expect(Number.isFinite(psi)).toBe(true);
    expect(psi).toBeGreaterThan(0.2);
    expect(populationStabilityIndex([0, 0], [1, 1])).toBeNull();
  });

  it('aligns category maps on their union', () => {
    expect(alignCategories({ en: 3, de: 1 }, { en: 2, fr: 2 })).toEqual({
      bins: ['de', 'en', 'fr'],
      expected: [1, 3, 0],
      actual: [0, 2, 2],
    });
  });
});

function erf(x: number): number {
  // Abramowitz & Stegun 7.1.26, enough for a bound check.
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return x >= 0 ? y : -y;
}
