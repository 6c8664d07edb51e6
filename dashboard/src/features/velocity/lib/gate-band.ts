import type { GateBand } from '../../../api/types';
import type { Tone } from '../../../shared/components/badge';

/** docs/design.md §5: a healthy gate keeps 20–30%; outside 10–50% it is too strict or too loose. */
export const GATE_BAND = { healthy: [0.2, 0.3], acceptable: [0.1, 0.5] } as const;

const TEXT: Record<GateBand, [string, Tone]> = {
  healthy: ['healthy (20–30%)', 'good'],
  below_band: ['a little strict (10–20%)', 'warn'],
  above_band: ['a little loose (30–50%)', 'warn'],
  too_strict: ['too strict (below 10%)', 'bad'],
  too_loose: ['too loose (above 50%)', 'bad'],
  insufficient_data: ['not enough evaluated yet', 'neutral'],
};

export function gateBandText(band: GateBand): { text: string; tone: Tone } {
  const [text, tone] = TEXT[band] ?? [band, 'neutral'];
  return { text, tone };
}

export function gateBandOf(passRate: number | null): GateBand {
  if (passRate === null) return 'insufficient_data';
  if (passRate < 0.1) return 'too_strict';
  if (passRate < 0.2) return 'below_band';
  if (passRate <= 0.3) return 'healthy';
  if (passRate <= 0.5) return 'above_band';
  return 'too_loose';
}
