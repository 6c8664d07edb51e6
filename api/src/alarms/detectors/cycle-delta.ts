import { cycleReports } from '../../analytics/cycles';
import { gateConfigFor } from '../../analytics/gate-settings';
import { SEVERITY } from '../rules';
import type { Condition } from '../types';
import type { DetectorContext } from './context';

/** An offline (golden-set) drop of at least this much counts: offline evals carry no interval. */
const OFFLINE_DROP = 0.02;

/**
 * docs/design.md §8 `negative_cycle_delta`: the latest deployed cycle of a workload made quality worse — its online
 * delta's 95% CI lies below zero, or its golden-set score fell by two points or more.
 */
export async function cycleDeltaConditions(ctx: DetectorContext): Promise<Condition[]> {
  // Outcomes count the signals the gate counts, as in GET /api/v1/cycles (docs/design.md §3, §5).
  const { signalWindowHours } = await gateConfigFor(ctx.client, ctx.projectId, '');
  const reports = await cycleReports(ctx.client, {
    projectId: ctx.projectId,
    workload: '',
    asOf: ctx.asOf,
    days: 7,
    signalWindowHours,
  });
  const latest = new Map<string, (typeof reports)[number]>();
  for (const r of reports) {
    if (!r.deployedAt) continue;
    const current = latest.get(r.workloadId);
    if (!current || r.deployedAt > current.deployedAt!) latest.set(r.workloadId, r);
  }
  const conditions: Condition[] = [];
  for (const r of latest.values()) {
    const online =
      r.onlineDelta && r.onlineDelta.significant && r.onlineDelta.delta < 0 ? r.onlineDelta : null;
    const offline = r.offlineDelta !== null && r.offlineDelta <= -OFFLINE_DROP ? r.offlineDelta : null;
    if (!online && offline === null) continue;
    const points = (x: number) => Math.round(x * 1000) / 10;
    conditions.push({
      kind: 'negative_cycle_delta',
      severity: SEVERITY.negative_cycle_delta,
      workloadId: r.workloadId,
      modelVersion: r.modelVersion,
      evidence: {
        cycleId: r.id,
        parentVersion: r.parentVersion,
        deployedAt: r.deployedAt,
        onlineDeltaPoints: r.onlineDelta ? points(r.onlineDelta.delta) : null,
        onlineCiPoints: r.onlineDelta ? r.onlineDelta.ci.map(points) : null,
        n: r.onlineDelta?.n ?? null,
        offlineDeltaPoints: r.offlineDelta === null ? null : points(r.offlineDelta),
      },
      recommendation:
        `Cycle ${r.id} made ${r.workloadId} worse (${online ? `online ${points(online.delta)} points, CI below zero` : `golden set ${points(offline!)} points`}): ` +
        `${r.parentVersion ? `prefer ${r.parentVersion} and ` : ''}review the cycle's training data before the next one.`,
    });
  }
  return conditions;
}
