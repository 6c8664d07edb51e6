import type { GateBand } from '@flywheel/api';
import type { Tone } from '../../../shared/components/badge';

// The API assigns every pass rate its band (GateReport and GateSummary carry `band`); the dashboard only
// says it in words and draws the healthy range, which no response carries, on the pass-rate chart.

/** docs/design.md §5: a healthy gate keeps 20–30% of evaluated interactions. */
export const GATE_HEALTHY_RANGE = [0.2, 0.3] as const;

const TEXT: Record<GateBand, [string, Tone]> = {
  healthy: ['healthy (20–30%)', 'good'],
  below_band: ['a little strict (10–20%)', 'warn'],
  above_band: ['a little loose (30–50%)', 'warn'],
  too_strict: ['too strict (below 10%)', 'bad'],
  too_loose: ['too loose (above 50%)', 'bad'],
  insufficient_data: ['not enough evaluated yet', 'neutral'],
};

/** The band in a product manager's words, with the tone of its badge. */
export function gateBandText(band: GateBand): { text: string; tone: Tone } {
  const [text, tone] = TEXT[band] ?? [band, 'neutral'];
  return { text, tone };
}
