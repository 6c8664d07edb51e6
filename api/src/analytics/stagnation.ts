import type { CycleReport } from './cycle-report';

/** Thresholds of docs/design.md §6's stagnation diagnosis. */
export const STAGNATION = {
  /** A cycle that adds less than this, or nothing significant, did not move the flywheel. */
  minDelta: 0.02,
  gateTooStrictBelow: 0.1,
  oldestPendingDays: 7,
  backlogDays: 14,
  sparseCoverageBelow: 0.05,
  saturationAbove: 0.95,
  /** Evidence is measured over this many days up to asOf. */
  evidenceDays: 28,
  /** Review throughput is measured over this many days up to asOf. */
  throughputDays: 14,
} as const;

export type StagnationCause =
  'gate_too_strict' | 'review_queue_backed_up' | 'feedback_too_sparse' | 'saturation';

export interface StagnationEvidence {
  windowDays: number;
  gate: {
    evaluated: number;
    passed: number;
    passRate: number | null;
    /** Pass rate among evaluated interactions with a known outcome (rule 1 fails every unknown one). */
    passRateWithOutcome: number | null;
  };
  reviewQueue: {
    pending: number;
    oldestPendingDays: number | null;
    reviewedPerDay: number;
    /** Days of current throughput the backlog represents; null when nothing is pending or nobody reviews. */
    backlogDays: number | null;
  };
  coverage: number | null;
  successRate: number | null;
  interactions: number;
  candidates: number;
}

export interface StagnationAssessment {
  /** null: fewer than two deployed cycles with a measured online delta (and a closed window). */
  stagnating: boolean | null;
  reason: string;
  /** The last two measured cycles, newest first. */
  cycles: Array<{
    id: string;
    modelVersion: string;
    deployedAt: string | null;
    delta: number;
    significant: boolean;
  }>;
  causes: Array<{ cause: StagnationCause; evidence: string }>;
  evidence: StagnationEvidence | null;
}

const pts = (x: number) => `${(x * 100).toFixed(1)}`;

/** The last two deployed cycles whose online delta is measured over a closed window. */
export function lastTwoCycles(reports: CycleReport[]): CycleReport[] {
  return reports
    .filter((r) => r.deployedAt !== null && r.onlineDelta?.windowClosed)
    .sort((a, b) => (a.deployedAt! < b.deployedAt! ? 1 : -1))
    .slice(0, 2);
}

/** docs/design.md §6: stagnating when each of the last two cycles' deltas is below +2 points or not significant. */
export function stagnationOf(reports: CycleReport[]): Omit<StagnationAssessment, 'causes' | 'evidence'> {
  const last = lastTwoCycles(reports);
  const cycles = last.map((r) => ({
    id: r.id,
    modelVersion: r.modelVersion,
    deployedAt: r.deployedAt,
    delta: r.onlineDelta!.delta,
    significant: r.onlineDelta!.significant,
  }));
  if (last.length < 2) {
    return {
      stagnating: null,
      reason: `${last.length} deployed cycle(s) with a measured online delta; two are needed`,
      cycles,
    };
  }
  const flat = cycles.filter((c) => c.delta < STAGNATION.minDelta || !c.significant);
  const stagnating = flat.length === 2;
  const describe = (c: (typeof cycles)[number]) =>
    `${c.id}: ${c.delta >= 0 ? '+' : ''}${pts(c.delta)} points${c.significant ? '' : ' (not significant)'}`;
  return {
    stagnating,
    reason: stagnating
      ? `the last two cycles moved the success rate by less than +${pts(STAGNATION.minDelta)} points or not significantly (${cycles.map(describe).join('; ')})`
      : `a recent cycle improved significantly by at least +${pts(STAGNATION.minDelta)} points (${cycles.map(describe).join('; ')})`,
    cycles,
  };
}

/** The likely causes, each with the numbers that point to it. */
export function diagnose(e: StagnationEvidence): StagnationAssessment['causes'] {
  const causes: StagnationAssessment['causes'] = [];
  const { gate, reviewQueue: q } = e;
  // Without an outcome an interaction always fails the gate, so a low pass rate that recovers among
  // interactions with an outcome is sparse feedback (reported below), not a strict gate.
  if (
    gate.passRate !== null &&
    gate.passRate < STAGNATION.gateTooStrictBelow &&
    (gate.passRateWithOutcome ?? 0) < STAGNATION.gateTooStrictBelow
  ) {
    causes.push({
      cause: 'gate_too_strict',
      evidence: `gate pass rate ${pts(gate.passRate)}% (${gate.passed} of ${gate.evaluated} evaluated in ${e.windowDays} days; ${pts(gate.passRateWithOutcome ?? 0)}% of those with an outcome) is below ${pts(STAGNATION.gateTooStrictBelow)}%`,
    });
  }
  const old = q.oldestPendingDays !== null && q.oldestPendingDays > STAGNATION.oldestPendingDays;
  const long = q.pending > 0 && (q.reviewedPerDay === 0 || (q.backlogDays ?? 0) > STAGNATION.backlogDays);
  if (old || long) {
    const parts = [
      old
        ? `the oldest pending review has waited ${q.oldestPendingDays!.toFixed(1)} days (> ${STAGNATION.oldestPendingDays})`
        : '',
      long
        ? q.reviewedPerDay === 0
          ? `${q.pending} reviews are pending and none were done in the last ${STAGNATION.throughputDays} days`
          : `${q.pending} pending reviews are ${q.backlogDays!.toFixed(1)} days of throughput at ${q.reviewedPerDay.toFixed(1)} reviews/day (> ${STAGNATION.backlogDays})`
        : '',
    ];
    causes.push({ cause: 'review_queue_backed_up', evidence: parts.filter(Boolean).join('; ') });
  }
  if (e.coverage !== null && e.coverage < STAGNATION.sparseCoverageBelow) {
    causes.push({
      cause: 'feedback_too_sparse',
      evidence: `signal coverage ${pts(e.coverage)}% (${e.candidates} of ${e.interactions} interactions have an outcome) is below ${pts(STAGNATION.sparseCoverageBelow)}%`,
    });
  }
  if (e.successRate !== null && e.successRate > STAGNATION.saturationAbove) {
    causes.push({
      cause: 'saturation',
      evidence: `success rate ${pts(e.successRate)}% is above ${pts(STAGNATION.saturationAbove)}%: little headroom left for feedback to show`,
    });
  }
  return causes;
}
