import type {
  Alarm,
  Cycle,
  GateSummary,
  PhaseAssessment,
  StagnationAssessment,
  WorkloadVelocity,
} from '@flywheel/api';
import type { Tone } from '../../../shared/components/badge';
import { formatPoints } from '../../../shared/lib/format';
import { deltaVerdict, DELTA_VERDICT_TEXT, HEALTHY_DELTA } from '../../cycles/lib/cycle-series';

export interface WorkloadHealth {
  workloadId: string;
  phase: PhaseAssessment | null;
  stagnation: StagnationAssessment | null;
  buckets: WorkloadVelocity['buckets'];
  /** Interactions and candidates per day over the last 7 days with data. */
  perDay: { interactions: number; candidates: number } | null;
  /** The gate over the range, with the band the API assigns its pass rate. */
  gate: GateSummary;
  lastCycle: Cycle | null;
  firing: Alarm[];
  /** null: the server has no such endpoint. */
  cyclesAvailable: boolean;
  alarmsAvailable: boolean;
}

export type Health = 'healthy' | 'attention' | 'critical' | 'unknown';

export interface Verdict {
  health: Health;
  /** The reasons, worst first; the first is the card's headline. */
  reasons: string[];
}

export const HEALTH_TONE: Record<Health, Tone> = {
  healthy: 'good',
  attention: 'warn',
  critical: 'bad',
  unknown: 'neutral',
};

export const HEALTH_TEXT: Record<Health, string> = {
  healthy: 'Healthy',
  attention: 'Needs attention',
  critical: 'Critical',
  unknown: 'Not enough data',
};

/**
 * One word for a workload's flywheel, from the evidence a product manager would check: critical alarms
 * or a cycle that made quality worse are critical; other alarms, a gate outside its 20–30% band, a last
 * cycle below +2 or above +5 points or a stalled loop need attention. "Healthy" only when every number
 * on the card is in band. Each reason ends with what to do.
 */
export function verdictOf(w: WorkloadHealth): Verdict {
  const critical: string[] = [];
  const attention: string[] = [];
  for (const a of w.firing) (a.severity === 'critical' ? critical : attention).push(a.recommendation);
  const cycleVerdict = w.lastCycle ? deltaVerdict(w.lastCycle) : null;
  if (cycleVerdict === 'negative')
    critical.push(`the last cycle (${w.lastCycle!.modelVersion}) made quality worse`);
  // A cycle that may have helped but is not yet significant is no cause for alarm; one below +2 points is.
  const weak =
    cycleVerdict === 'below' ||
    (cycleVerdict === 'not_significant' && w.lastCycle!.onlineDelta!.delta < HEALTHY_DELTA.min);
  if (weak)
    attention.push(
      `the last cycle (${w.lastCycle!.modelVersion}) added ${formatPoints(w.lastCycle!.onlineDelta!.delta)}, ${DELTA_VERDICT_TEXT[cycleVerdict!]}: look at its training data before the next cycle`,
    );
  // Above +5 points is no cause for celebration: a jump that size usually means the golden set leaked
  // into training or the parent was broken, so a card under it must not say "Healthy".
  if (cycleVerdict === 'above')
    attention.push(
      `the last cycle (${w.lastCycle!.modelVersion}) added ${formatPoints(w.lastCycle!.onlineDelta!.delta)}, above the +2..+5 band: check for leakage between training data and the golden set`,
    );
  // Every band but the healthy one is named on the card, so every band but it needs attention.
  const band = w.gate.band;
  if (band === 'too_strict')
    attention.push('the gate is too strict: under 10% of interactions pass; loosen its thresholds');
  if (band === 'below_band')
    attention.push('the gate is a little strict: 10–20% pass, healthy is 20–30%; loosen it a little');
  if (band === 'above_band')
    attention.push('the gate is a little loose: 30–50% pass, healthy is 20–30%; tighten it a little');
  if (band === 'too_loose')
    attention.push('the gate is too loose: over 50% of interactions pass; tighten its thresholds');
  if (w.stagnation?.stagnating)
    attention.push('the last two cycles did not improve quality: see the stagnation diagnosis on Cycles');
  if (critical.length) return { health: 'critical', reasons: [...critical, ...attention] };
  if (attention.length) return { health: 'attention', reasons: attention };
  if (!w.phase || w.phase.successRate === null)
    return { health: 'unknown', reasons: ['no outcomes yet: record what users do with each answer'] };
  return {
    health: 'healthy',
    reasons: ['no alarms firing, the gate in its 20–30% band and the last cycle not out of band'],
  };
}

const RANK: Record<Health, number> = { critical: 3, attention: 2, unknown: 1, healthy: 0 };

export function projectVerdict(verdicts: Verdict[]): Health {
  if (verdicts.length === 0) return 'unknown';
  const worst = verdicts.reduce((w, v) => (RANK[v.health] > RANK[w] ? v.health : w), 'healthy' as Health);
  return worst === 'unknown' && verdicts.some((v) => v.health === 'healthy') ? 'healthy' : worst;
}
