import type {
  Alarm,
  Cycle,
  GateSummary,
  PhaseAssessment,
  StagnationAssessment,
  VelocityBucket,
} from '@flywheel/api';
import type { Tone } from '../../../shared/components/badge';
import { formatPoints } from '../../../shared/lib/format';
import { deltaVerdict, DELTA_VERDICT_TEXT, HEALTHY_DELTA } from '../../cycles/lib/cycle-series';

export interface WorkloadHealth {
  workloadId: string;
  phase: PhaseAssessment | null;
  stagnation: StagnationAssessment | null;
  buckets: VelocityBucket[];
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
 * or a cycle that made quality worse are critical; other alarms, a gate outside 10–50%, a last cycle
 * below +2 points or a stalled loop need attention.
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
      `the last cycle (${w.lastCycle!.modelVersion}) added ${formatPoints(w.lastCycle!.onlineDelta!.delta)}, ${DELTA_VERDICT_TEXT[cycleVerdict!]}`,
    );
  const band = w.gate.band;
  if (band === 'too_strict') attention.push('the gate is too strict: under 10% of interactions pass');
  if (band === 'too_loose') attention.push('the gate is too loose: over 50% of interactions pass');
  if (w.stagnation?.stagnating) attention.push('the last two cycles did not improve quality');
  if (critical.length) return { health: 'critical', reasons: [...critical, ...attention] };
  if (attention.length) return { health: 'attention', reasons: attention };
  if (!w.phase || w.phase.successRate === null) return { health: 'unknown', reasons: ['no outcomes yet'] };
  return { health: 'healthy', reasons: ['no alarms firing, and the gate and the last cycle are in range'] };
}

const RANK: Record<Health, number> = { critical: 3, attention: 2, unknown: 1, healthy: 0 };

export function projectVerdict(verdicts: Verdict[]): Health {
  if (verdicts.length === 0) return 'unknown';
  const worst = verdicts.reduce((w, v) => (RANK[v.health] > RANK[w] ? v.health : w), 'healthy' as Health);
  return worst === 'unknown' && verdicts.some((v) => v.health === 'healthy') ? 'healthy' : worst;
}
