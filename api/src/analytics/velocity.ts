import type { ClickHouseClient } from '@flywheel/storage';
import { gateBucketsByWorkload, type GateBucket } from '../queries/gate';
import { configuredWorkloads } from '../queries/gate-config';
import { gateKey } from '../read-model/gate-key';
import { activityWithRecent, sumByBucket, type ActivityCounts } from '../queries/velocity';
import { cycleReports } from './cycles';
import { gateSummary, gateTotal, workloadGate } from './gate-report';
import { gateConfigFor } from './gate-settings';
import { phaseOf, PHASE_WINDOW_DAYS, type PhaseAssessment } from './phase';
import { diagnose, stagnationOf, type StagnationAssessment } from './stagnation';
import { stagnationEvidence } from './stagnation-evidence';
import { addDays, eventTimeToIso } from './time';

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

/** The gate's counts of every workload summed per bucket, in bucket order. */
function sumGateByBucket(rows: readonly GateBucket[]) {
  const sums = new Map<string, { bucket: string; evaluated: number; passed: number }>();
  for (const r of rows) {
    const sum = sums.get(r.bucket) ?? { bucket: r.bucket, evaluated: 0, passed: 0 };
    sum.evaluated += r.evaluated;
    sum.passed += r.passed;
    sums.set(r.bucket, sum);
  }
  return [...sums.values()]
    .sort((a, b) => (a.bucket < b.bucket ? -1 : 1))
    .map((b) => ({ ...b, passRate: rate(b.passed, b.evaluated) }));
}

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
  const [activityRows, gateRows, cycles, ownConfigs] = await Promise.all([
    // The window's series and the phase's 28 days in one statement.
    activityWithRecent(client, scope, p.bucket, recent),
    gateBucketsByWorkload(client, { ...p, ...(p.workload ? { workload: p.workload } : {}), config }),
    cycleReports(client, { ...scope, days: p.days }),
    p.workload ? ([] as string[]) : configuredWorkloads(client, p.projectId),
  ]);
  const { buckets: workloadActivity, recent: byWorkload } = activityRows;
  const activity = sumByBucket(workloadActivity);
  const gate = sumGateByBucket(gateRows);
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
  const empty = { interactions: 0, candidates: 0, successes: 0, explicit: 0 };
  // A workload's thresholds: the report's own when scoped to it, else the project's unless it stores its own.
  const configs = new Map(
    await Promise.all(
      workloadIds.map(
        async (w) =>
          [
            w,
            p.workload || !ownConfigs.includes(w) ? config : await gateConfigFor(client, p.projectId, w),
          ] as const,
      ),
    ),
  );
  const verdicts = new Map(
    workloadIds.map((w) => [w, stagnationOf(cycles.filter((c) => c.workloadId === w))] as const),
  );
  const recentOf = (w: string) => byWorkload.find((r) => r.workloadId === w) ?? empty;
  // Only a stagnating workload is diagnosed: its evidence costs a pass of the gate over 28 days.
  const evidence = await stagnationEvidence(client, {
    projectId: p.projectId,
    asOf: p.asOf,
    shared: config,
    workloads: workloadIds
      .filter((w) => verdicts.get(w)!.stagnating === true)
      .map((w) => ({ workload: w, config: configs.get(w)!, recent: recentOf(w) })),
  });
  const workloads = await Promise.all(
    workloadIds.map(async (workloadId) => {
      const phase: PhaseAssessment = phaseOf(recentOf(workloadId));
      const verdict = verdicts.get(workloadId)!;
      const found = evidence.get(workloadId);
      const stagnation: StagnationAssessment = found
        ? { ...verdict, causes: diagnose(found), evidence: found }
        : { ...verdict, causes: [], evidence: null };
      // The report's own gate rows are the workload's whenever it applies the same thresholds (no
      // configuration of its own, or one equal to the project's): no second pass.
      const gateOfWorkload =
        gateKey(configs.get(workloadId)!, '') === gateKey(config, '')
          ? gateSummary(gateTotal(gateRows.filter((g) => g.workloadId === workloadId)))
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
