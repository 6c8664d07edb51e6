/** Phases of a workload's flywheel (docs/design.md §6). */
export type Phase = 'cold_start' | 'bootstrap' | 'acceleration' | 'maturity';

/** Trailing window the phase is judged over, ending at asOf. */
export const PHASE_WINDOW_DAYS = 28;

/**
 * Below this many interactions with a known outcome in the window the workload is in cold start
 * whatever its success rate: there is not yet the feedback volume a flywheel turns on, and a rate
 * measured on so few outcomes is too noisy to place it in a band (±7 points at 200).
 */
export const PHASE_MIN_CANDIDATES = 200;

export interface PhaseAssessment {
  phase: Phase;
  successRate: number | null;
  candidates: number;
  interactions: number;
  windowDays: number;
  /** Why this phase: the band, or the volume floor that kept it in cold start. */
  reason: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Success-rate bands < 70% cold start, 70–80% bootstrap, 80–90% acceleration, ≥ 90% maturity. */
export function phaseOf(counts: {
  interactions: number;
  candidates: number;
  successes: number;
}): PhaseAssessment {
  const { interactions, candidates, successes } = counts;
  const successRate = candidates > 0 ? successes / candidates : null;
  const base = { successRate, candidates, interactions, windowDays: PHASE_WINDOW_DAYS };
  if (successRate === null || candidates < PHASE_MIN_CANDIDATES) {
    return {
      ...base,
      phase: 'cold_start',
      reason: `${candidates} interactions with a known outcome in ${PHASE_WINDOW_DAYS} days, fewer than the ${PHASE_MIN_CANDIDATES} a phase is judged on`,
    };
  }
  const band = (phase: Phase, range: string): PhaseAssessment => ({
    ...base,
    phase,
    reason: `success rate ${pct(successRate)} is ${range}`,
  });
  if (successRate < 0.7) return band('cold_start', 'below 70%');
  if (successRate < 0.8) return band('bootstrap', 'in 70–80%');
  if (successRate < 0.9) return band('acceleration', 'in 80–90%');
  return band('maturity', 'at or above 90%');
}
