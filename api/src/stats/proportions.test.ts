import { describe, expect, it } from 'vitest';
import { normalCdf, twoSidedP } from './normal';
import { twoProportionZTest } from './proportions';

describe('normal distribution', () => {
  it('matches table values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2.575829)).toBeCloseTo(0.005, 6);
    expect(twoSidedP(1.644854)).toBeCloseTo(0.1, 6);
  });
});

describe('twoProportionZTest (pooled)', () => {
  it('textbook example: 120/200 against 150/300 gives z = 2.1979, p = 0.0280', () => {
    // p1 = .6, p2 = .5, pooled = .54, se = sqrt(.54 · .46 · (1/200 + 1/300)) = 0.045497…
    const result = twoProportionZTest(120, 200, 150, 300)!;
    expect(result.difference).toBeCloseTo(0.1, 12);
    expect(result.z).toBeCloseTo(0.1 / Math.sqrt(0.54 * 0.46 * (1 / 200 + 1 / 300)), 9);
    expect(result.z).toBeCloseTo(2.1979, 4);
    expect(result.p).toBeCloseTo(0.028, 3);
  });

  it('is null for an empty arm and p = 1 without variance', () => {
    expect(twoProportionZTest(1, 0, 1, 2)).toBeNull();
    expect(twoProportionZTest(5, 5, 3, 3)!.p).toBe(1);
  });
});
