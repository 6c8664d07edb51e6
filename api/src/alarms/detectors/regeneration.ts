import { addDays, addHours, eventTimeToIso } from '../../analytics/time';
import { signalRateChange } from '../../queries/arms';
import { versionSpans } from '../../queries/deploys';
import { SEVERITY } from '../rules';
import type { Condition } from '../types';
import type { DetectorContext } from './context';

/** docs/design.md §8 `regeneration_spike`: the share of responses users regenerate rose by ≥ 50% relative, significantly. */
export async function regenerationConditions(ctx: DetectorContext): Promise<Condition[]> {
  const rule = ctx.rules.regeneration_spike;
  const recentFrom = addHours(ctx.asOf, -rule.recentHours);
  const baselineFrom = addDays(recentFrom, -rule.baselineDays);
  const workloads = [
    ...new Set((await versionSpans(ctx.client, ctx.projectId, ctx.asOf)).map((s) => s.workloadId)),
  ];
  const conditions: Condition[] = [];
  for (const workload of workloads) {
    const r = await signalRateChange(ctx.client, {
      projectId: ctx.projectId,
      workload,
      kind: 'regenerated',
      asOf: ctx.asOf,
      baselineFrom,
      recentFrom,
    });
    if (r.recent.n < rule.minSamples || r.baseline.n < rule.minSamples || r.pValue === null) continue;
    const recentRate = r.recent.hits / r.recent.n;
    const baselineRate = r.baseline.hits / r.baseline.n;
    if (recentRate <= baselineRate * (1 + rule.minRelativeIncrease) || r.pValue >= rule.maxPValue) continue;
    const round = (x: number) => Math.round(x * 1000) / 10;
    conditions.push({
      kind: 'regeneration_spike',
      severity: SEVERITY.regeneration_spike,
      workloadId: workload,
      modelVersion: '',
      evidence: {
        recent: {
          from: eventTimeToIso(recentFrom),
          to: eventTimeToIso(ctx.asOf),
          regenerated: r.recent.hits,
          n: r.recent.n,
          ratePercent: round(recentRate),
        },
        baseline: {
          from: eventTimeToIso(baselineFrom),
          to: eventTimeToIso(recentFrom),
          regenerated: r.baseline.hits,
          n: r.baseline.n,
          ratePercent: round(baselineRate),
        },
        relativeIncreasePercent: baselineRate > 0 ? Math.round((recentRate / baselineRate - 1) * 100) : null,
        pValue: r.pValue,
      },
      recommendation: `Users of ${workload} regenerate ${round(recentRate)}% of responses against ${round(baselineRate)}% before: check the latest deploy, prompt or provider change.`,
    });
  }
  return conditions;
}
