import type { ClickHouseClient } from '@flywheel/storage';
import { gateBuckets, type GateConfig } from '../queries/gate';
import { reviewQueueStatus } from '../queries/review-queue';
import {
  activityBucketsByWorkload,
  activityByWorkload,
  sumByBucket,
  type ActivityCounts,
} from '../queries/velocity';
import type { CycleReport } from './cycle-report';
import { cycleReports } from './cycles';
import { gateSummary, gateTotal, workloadGate } from './gate-report';
import { gateConfigFor } from './gate-settings';
import { phaseOf, PHASE_WINDOW_DAYS, type PhaseAssessment } from './phase';
import { diagnose, stagnationOf, STAGNATION, type StagnationAssessment } from './stagnation';
import { addDays, daysBetween, eventTimeToIso } from './time';

export interface VelocityParams {
  projectId: string;
  workload: string;
  from: string;
  to: string;
  asOf: string;
  bucket: 'day' | 'week';
  /** W for the cycles' online deltas. */
  days: number;
}

const rate = (num: number, den: number) => (den > 0 ? num / den : null);

function rates(c: ActivityCounts) {
  return {
    interactions: c.interactions,
    candidates: c.candidates,
    successes: c.successes,
    explicitRate: rate(c.explicit, c.interactions),
    coverage: rate(c.candidates, c.interactions),
    successRate: rate(c.successes, c.candidates),
  };
}

/**
 * Velocity (docs/design.md §6): collection and quality per bucket, and per workload its phase, stagnation
 * and gate (pass rate and band over the window, with the workload's own gate configuration).
 */
export async function velocityReport(client: ClickHouseClient, p: VelocityParams) {
  const config = await gateConfigFor(client, p.projectId, p.workload);
  const scope = { ...p, signalWindowHours: config.signalWindowHours };
  const recent = { ...scope, from: addDays(p.asOf, -PHASE_WINDOW_DAYS), to: addDays(p.asOf, 1) };
  const [workloadActivity, gate, byWorkload, cycles] = await Promise.all([
    activityBucketsByWorkload(client, scope, p.bucket),
    gateBuckets(client, { ...p, ...(p.workload ? { workload: p.workload } : {}), config }),
    activityByWorkload(client, recent),
    cycleReports(client, { ...scope, days: p.days }),
  ]);
  const activity = sumByBucket(workloadActivity);
  const gateByBucket = new Map(gate.map((g) => [g.bucket, g]));
  const keys = [...new Set([...activity.map((a) => a.bucket), ...gate.map((g) => g.bucket)])].sort();
  const activityByBucket = new Map(activity.map((a) => [a.bucket, a]));
  const length = p.bucket === 'week' ? 7 : 1;
  const buckets = keys.map((bucket) => {
    const a = activityByBucket.get(bucket) ?? { interactions: 0, candidates: 0, successes: 0, explicit: 0 };
    const g = gateByBucket.get(bucket);
    const end = addDays(`${bucket} 00:00:00.000000`, length);
    return {
      bucket,
      // Signals may still arrive for interactions whose signal window is open at asOf.
      complete: addDays(end, config.signalWindowHours / 24) <= p.asOf,
      ...rates(a),
      gate: { evaluated: g?.evaluated ?? 0, passed: g?.passed ?? 0, passRate: g?.passRate ?? null },
    };
  });
  const totals = activity.reduce(
    (t, a) => ({
      interactions: t.interactions + a.interactions,
      candidates: t.candidates + a.candidates,
      successes: t.successes + a.successes,
      explicit: t.explicit + a.explicit,
    }),
    { interactions: 0, candidates: 0, successes: 0, explicit: 0 },
  );

  const workloadIds = [
    ...new Set([...byWorkload.map((w) => w.workloadId), ...cycles.map((c) => c.workloadId)]),
  ]
    .filter((w) => !p.workload || w === p.workload)
    .sort();
  const workloads = await Promise.all(
    workloadIds.map(async (workloadId) => {
      const counts = byWorkload.find((w) => w.workloadId === workloadId) ?? {
        interactions: 0,
        candidates: 0,
        successes: 0,
        explicit: 0,
      };
      const phase: PhaseAssessment = phaseOf(counts);
      const stagnation = await assessStagnation(
        client,
        p,
        workloadId,
        cycles.filter((c) => c.workloadId === workloadId),
        counts,
      );
      // Scoped to one workload, the report's own gate buckets are that workload's: no second pass.
      const gateOfWorkload = p.workload
        ? gateSummary(gateTotal(gate))
        : await workloadGate(client, {
            projectId: p.projectId,
            workload: workloadId,
            from: p.from,
            to: p.to,
            asOf: p.asOf,
          });
      // Each workload's own series rides along, so an overview of every workload is one request.
      const buckets = workloadActivity
        .filter((a) => a.workloadId === workloadId)
        .map((a) => ({ bucket: a.bucket, ...rates(a) }));
      return { workloadId, phase, stagnation, gate: gateOfWorkload, buckets };
    }),
  );
  return {
    window: { from: eventTimeToIso(p.from), to: eventTimeToIso(p.to), asOf: eventTimeToIso(p.asOf) },
    workload: p.workload || null,
    bucket: p.bucket,
    totals: rates(totals),
    buckets,
    workloads,
  };
}

async function assessStagnation(
  client: ClickHouseClient,
  p: VelocityParams,
  workload: string,
  cycles: CycleReport[],
  recent: ActivityCounts,
): Promise<StagnationAssessment> {
  const verdict = stagnationOf(cycles);
  if (verdict.stagnating !== true) return { ...verdict, causes: [], evidence: null };
  const config: GateConfig = await gateConfigFor(client, p.projectId, workload);
  const from = addDays(p.asOf, -STAGNATION.evidenceDays);
  const to = addDays(p.asOf, 1);
  // One pass of the gate gives both the pass rate and the review queue.
  const queue = await reviewQueueStatus(client, {
    projectId: p.projectId,
    workload,
    from,
    to,
    asOf: p.asOf,
    throughputFrom: addDays(p.asOf, -STAGNATION.throughputDays),
    config,
  });
  const gate = queue.gate;
  const reviewedPerDay = queue.reviewedRecently / STAGNATION.throughputDays;
  const evidence = {
    windowDays: STAGNATION.evidenceDays,
    gate: {
      evaluated: gate.evaluated,
      passed: gate.passed,
      passRate: rate(gate.passed, gate.evaluated),
      passRateWithOutcome: rate(gate.passed, gate.evaluatedWithOutcome),
    },
    reviewQueue: {
      pending: queue.pending,
      // A candidate joins the queue once its signal window has closed.
      oldestPendingDays: queue.oldestPendingTime
        ? Math.max(0, daysBetween(addDays(queue.oldestPendingTime, config.signalWindowHours / 24), p.asOf))
        : null,
      reviewedPerDay,
      backlogDays: queue.pending > 0 && reviewedPerDay > 0 ? queue.pending / reviewedPerDay : null,
    },
    coverage: rate(recent.candidates, recent.interactions),
    successRate: rate(recent.successes, recent.candidates),
    interactions: recent.interactions,
    candidates: recent.candidates,
  };
  return { ...verdict, causes: diagnose(evidence), evidence };
}
