import { describe, expect, it } from 'vitest';
import { binaryKappa, binaryKappaStandardError, cohensKappa } from './kappa';

describe("Cohen's kappa", () => {
  it('textbook 2×2 example: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → po 0.7, pe 0.5, κ 0.4', () => {
    expect(binaryKappa({ pp: 20, pf: 5, fp: 10, ff: 15 })).toBeCloseTo(0.4, 12);
  });

  it('3×3 table by hand: po = 0.89, pe = 0.66, κ = 0.23 / 0.34', () => {
    // Row marginals 80, 10, 10; column marginals 80, 5, 15; diagonal 75 + 4 + 10.
    const table = [
      [75, 1, 4],
      [5, 4, 1],
      [0, 0, 10],
    ];
    expect(cohensKappa(table)).toBeCloseTo(0.23 / 0.34, 12);
  });

  it('perfect agreement is 1, agreement at chance level is 0', () => {
    expect(binaryKappa({ pp: 30, pf: 0, fp: 0, ff: 20 })).toBe(1);
    expect(binaryKappa({ pp: 25, pf: 25, fp: 25, ff: 25 })).toBe(0);
  });

  it('is null without items or when both raters always give the same single verdict', () => {
    expect(binaryKappa({ pp: 0, pf: 0, fp: 0, ff: 0 })).toBeNull();
    expect(binaryKappa({ pp: 10, pf: 0, fp: 0, ff: 0 })).toBeNull();
  });

  it("Cohen's standard error on the textbook example: √(0.7 · 0.3 / (50 · 0.5²)) = 0.1296", () => {
    expect(binaryKappaStandardError({ pp: 20, pf: 5, fp: 10, ff: 15 })).toBeCloseTo(Math.sqrt(0.0168), 12);
    // Four times the pairs, half the error.
    expect(binaryKappaStandardError({ pp: 80, pf: 20, fp: 40, ff: 60 })).toBeCloseTo(
      Math.sqrt(0.0168) / 2,
      12,
    );
    expect(binaryKappaStandardError({ pp: 0, pf: 0, fp: 0, ff: 0 })).toBeNull();
  });
});
