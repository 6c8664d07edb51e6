/** Standard normal distribution: the few functions the closed-form statistics need. */

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/** Φ(x), the standard normal CDF (Zelen & Severo 26.2.17 via erfc; absolute error < 1.5e-7). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Two-sided p-value of a z statistic. */
export function twoSidedP(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? Number.NaN : 0;
  return 2 * (1 - normalCdf(Math.abs(z)));
}

function erfc(x: number): number {
  // Numerical Recipes' erfc (Chebyshev fit), relative error < 1.2e-7 everywhere.
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
