import type { CycleBody, CyclePatch, EvalBody } from './api-client';
import { DAY_MS, dayTime } from './timeline';
import type { SimulationPlan, VersionSpec } from './types';

export type CycleEvent =
  | { atMs: number; kind: 'post'; body: CycleBody }
  | { atMs: number; kind: 'patch'; id: string; body: CyclePatch }
  | { atMs: number; kind: 'evals'; evals: EvalBody[] }
  | { atMs: number; kind: 'snapshot'; id: string; at: string; lagDays: number };

export const GOLDEN_SET_SIZE = 200;
/** The API's default lag between a data window and its snapshot (docs/design.md §6). */
const SNAPSHOT_LAG_DAYS = 14;

export function goldenSet(workloadId: string): string {
  return `${workloadId}-golden-v1`;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The API calls an ML team makes over each cycle's life, at their event times: the cycle is
 * registered as `training` when its data window closes, its snapshot cut (the training examples frozen)
 * two hours before the offline eval, evaluated the day before the deploy, then deployed (or rejected),
 * and possibly rolled back. The snapshot keeps the 2-week lag, or as much of it as the cycle's schedule
 * leaves between its window and the snapshot (shorter cycles).
 */
export function cycleEvents(plan: SimulationPlan): CycleEvent[] {
  const events: CycleEvent[] = [];
  for (const v of plan.versions) {
    if (v.deployDay === null) {
      if (v.evalScore !== null)
        events.push({ atMs: dayTime(plan, 0, 1), kind: 'evals', evals: [evalOf(v, dayTime(plan, 0, 1))] });
      continue;
    }
    if (!v.cycleId || !v.dataWindow) continue;
    const deployMs = dayTime(plan, v.deployDay, plan.deployHour);
    const evalMs = Math.max(dayTime(plan, 0, 2), deployMs - 22 * 3_600_000);
    const trainingMs = Math.min(dayTime(plan, v.dataWindow.toDay), evalMs - 3_600_000);
    const body: CycleBody = {
      id: v.cycleId,
      workloadId: v.workloadId,
      modelVersion: v.version,
      ...(v.parent !== null ? { parentVersion: v.parent } : {}),
      dataWindow: {
        from: iso(dayTime(plan, v.dataWindow.fromDay)),
        to: iso(dayTime(plan, v.dataWindow.toDay)),
      },
      status: 'training',
    };
    events.push({ atMs: trainingMs, kind: 'post', body });
    const snapshotMs = Math.max(trainingMs, evalMs - 2 * 3_600_000);
    const windowToMs = dayTime(plan, v.dataWindow.toDay);
    events.push({
      atMs: snapshotMs,
      kind: 'snapshot',
      id: v.cycleId,
      at: iso(snapshotMs),
      lagDays: Math.max(0, Math.min(SNAPSHOT_LAG_DAYS, Math.floor((snapshotMs - windowToMs) / DAY_MS))),
    });
    events.push({ atMs: evalMs, kind: 'patch', id: v.cycleId, body: { status: 'evaluating' } });
    if (v.evalScore !== null) events.push({ atMs: evalMs, kind: 'evals', evals: [evalOf(v, evalMs)] });
    if (v.fate === 'rejected') {
      events.push({ atMs: deployMs, kind: 'patch', id: v.cycleId, body: { status: 'rejected' } });
      continue;
    }
    events.push({
      atMs: deployMs,
      kind: 'patch',
      id: v.cycleId,
      body: { status: 'deployed', deployedAt: iso(deployMs) },
    });
    if (v.rollbackDay !== null) {
      const rollbackMs = dayTime(plan, v.rollbackDay, plan.deployHour);
      events.push({
        atMs: rollbackMs,
        kind: 'patch',
        id: v.cycleId,
        body: { status: 'rolled_back', deployedAt: iso(deployMs), rolledBackAt: iso(rollbackMs) },
      });
    }
  }
  // Stable: events at the same time keep their lifecycle order.
  return events
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].atMs - b[0].atMs || a[1] - b[1])
    .map(([e]) => e);
}

function evalOf(v: VersionSpec, atMs: number): EvalBody {
  return {
    modelVersion: v.version,
    goldenSet: goldenSet(v.workloadId),
    score: v.evalScore!,
    n: GOLDEN_SET_SIZE,
    time: iso(atMs),
    workloadId: v.workloadId,
  };
}
