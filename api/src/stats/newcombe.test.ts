import { describe, expect, it } from 'vitest';
import { newcombeDifference } from './newcombe';
import { wilsonInterval } from './wilson';

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → [%f, %f]', (x, n, lo, hi) => {
    const [l, u] = wilsonInterval(x, n);
    expect(l).toBeCloseTo(lo, 4);
    expect(u).toBeCloseTo(hi, 4);
  });

  it('is vacuous without observations', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });
});

describe('newcombeDifference (hybrid score, method 10)', () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions:
  // comparison of eleven methods", Table II, method 10.
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
    [10, 10, 0, 10, 0.6075, 1],
  ])('%i/%i − %i/%i → [%f, %f]', (x1, n1, x2, n2, lo, hi) => {
    const result = newcombeDifference(x1, n1, x2, n2)!;
    expect(result.delta).toBeCloseTo(x1 / n1 - x2 / n2, 12);
    expect(result.ci[0]).toBeCloseTo(lo, 4);
    expect(result.ci[1]).toBeCloseTo(hi, 4);
    expect(result.significant).toBe(lo > 0 || hi < 0);
  });

  it('is null when an arm is empty', () => {
    expect(newcombeDifference(1, 2, 0, 0)).toBeNull();
  });
});
