import type { ClickHouseClient } from '@flywheel/storage';
import type { GateConfig } from '../queries/gate';
import { reviewQueueByWorkload, reviewQueueStatus, type ReviewQueueStatus } from '../queries/review-queue';
import type { ActivityCounts } from '../queries/velocity';
import { gateKey } from '../read-model/gate-key';
import { STAGNATION, type StagnationEvidence } from './stagnation';
import { addDays, daysBetween } from './time';

export interface StagnatingWorkload {
  workload: string;
  /** The workload's gate configuration in force. */
  config: GateConfig;
  /** Its collection counts over the evidence window (the phase's 28 days). */
  recent: ActivityCounts;
}

const rate = (num: number, den: number) => (den > 0 ? num / den : null);

/**
 * The evidence of docs/design.md §6's diagnosis for each stagnating workload, over the 28 days before
 * asOf. Workloads whose thresholds equal `shared` (the project's) are measured in one statement
 * together — a workload's verdicts and queue do not depend on another's — and any other workload in
 * its own, under its own configuration.
 */
export async function stagnationEvidence(
  client: ClickHouseClient,
  p: { projectId: string; asOf: string; shared: GateConfig; workloads: StagnatingWorkload[] },
): Promise<Map<string, StagnationEvidence>> {
  const window = {
    projectId: p.projectId,
    from: addDays(p.asOf, -STAGNATION.evidenceDays),
    to: addDays(p.asOf, 1),
    asOf: p.asOf,
    throughputFrom: addDays(p.asOf, -STAGNATION.throughputDays),
  };
  const sharedKey = gateKey(p.shared, '');
  const together = p.workloads.filter((w) => gateKey(w.config, '') === sharedKey);
  const apart = p.workloads.filter((w) => !together.includes(w));
  // One workload alone is cheaper scoped to itself than as a share of the whole project's window.
  const [grouped, ...own] = await Promise.all([
    together.length > 1
      ? reviewQueueByWorkload(client, { ...window, config: p.shared })
      : new Map<string, ReviewQueueStatus>(),
    ...[...(together.length > 1 ? [] : together), ...apart].map(async (w) => {
      const status = await reviewQueueStatus(client, { ...window, workload: w.workload, config: w.config });
      return [w.workload, status] as const;
    }),
  ]);
  const queues = new Map([...grouped, ...own]);
  return new Map(
    p.workloads.map((w) => [w.workload, evidenceOf(w, queues.get(w.workload), p.asOf)] as const),
  );
}

function evidenceOf(
  w: StagnatingWorkload,
  queue: ReviewQueueStatus | undefined,
  asOf: string,
): StagnationEvidence {
  const gate = queue?.gate ?? { evaluated: 0, passed: 0, evaluatedWithOutcome: 0 };
  const pending = queue?.pending ?? 0;
  const oldest = queue?.oldestPendingTime ?? null;
  const reviewedPerDay = (queue?.reviewedRecently ?? 0) / STAGNATION.throughputDays;
  return {
    windowDays: STAGNATION.evidenceDays,
    gate: {
      evaluated: gate.evaluated,
      passed: gate.passed,
      passRate: rate(gate.passed, gate.evaluated),
      passRateWithOutcome: rate(gate.passed, gate.evaluatedWithOutcome),
    },
    reviewQueue: {
      pending,
      // A candidate joins the queue once its signal window has closed.
      oldestPendingDays: oldest
        ? Math.max(0, daysBetween(addDays(oldest, w.config.signalWindowHours / 24), asOf))
        : null,
      reviewedPerDay,
      backlogDays: pending > 0 && reviewedPerDay > 0 ? pending / reviewedPerDay : null,
    },
    coverage: rate(w.recent.candidates, w.recent.interactions),
    successRate: rate(w.recent.successes, w.recent.candidates),
    interactions: w.recent.interactions,
    candidates: w.recent.candidates,
  };
}
