/** The bands of the quality gate's pass rate, healthiest in the middle (docs/design.md §5). */
export const GATE_BANDS = [
  'insufficient_data',
  'too_strict',
  'below_band',
  'healthy',
  'above_band',
  'too_loose',
] as const;
export type GateBand = (typeof GATE_BANDS)[number];

/** docs/design.md §5: a healthy gate keeps 20–30%; below 10% it is too strict, above 50% too loose. */
export const GATE_BAND_LIMITS = { tooStrictBelow: 0.1, healthy: [0.2, 0.3], tooLooseAbove: 0.5 } as const;

/** The band of a pass rate; null (nothing evaluated yet) is `insufficient_data`. */
export function gateBand(passRate: number | null): GateBand {
  if (passRate === null) return 'insufficient_data';
  if (passRate < GATE_BAND_LIMITS.tooStrictBelow) return 'too_strict';
  if (passRate < GATE_BAND_LIMITS.healthy[0]) return 'below_band';
  if (passRate <= GATE_BAND_LIMITS.healthy[1]) return 'healthy';
  if (passRate <= GATE_BAND_LIMITS.tooLooseAbove) return 'above_band';
  return 'too_loose';
}
