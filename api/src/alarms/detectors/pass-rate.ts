import { gateConfigFor } from '../../analytics/gate-settings';
import { addDays, addMicros } from '../../analytics/time';
import { gateBuckets } from '../../queries/gate';
import { workloadsWithTraffic } from '../../queries/workload-activity';
import { twoProportionZTest } from '../../stats/proportions';
import { SEVERITY } from '../rules';
import type { Condition } from '../types';
import type { DetectorContext } from './context';

/**
 * docs/design.md §8 `pass_rate_collapse`: the gate's pass rate fell by ≥ 50% relative from one evaluated day to the
 * next, usually a sign of corrupted data or broken signal capture rather than of worse responses.
 */
export async function passRateConditions(ctx: DetectorContext): Promise<Condition[]> {
  const rule = ctx.rules.pass_rate_collapse;
  // Two days of at least `minEvaluatedPerDay` evaluated interactions need twice that many interactions
  // in the week (a day wider on each side, whatever the gate's day boundaries): only such workloads are
  // read day by day, so junk workloads with a handful of spans cost nothing.
  const workloads = await workloadsWithTraffic(ctx.client, {
    projectId: ctx.projectId,
    from: addDays(ctx.asOf, -8),
    to: addDays(ctx.asOf, 1),
    minInteractions: 2 * rule.minEvaluatedPerDay,
  });
  const conditions: Condition[] = [];
  for (const workload of workloads) {
    const config = await gateConfigFor(ctx.client, ctx.projectId, workload);
    // Days whose signal window has closed, over the last week; the two most recent are compared.
    const buckets = await gateBuckets(ctx.client, {
      projectId: ctx.projectId,
      workload,
      from: addDays(ctx.asOf, -7),
      to: addMicros(ctx.asOf, 1n),
      asOf: ctx.asOf,
      bucket: 'day',
      config,
    });
    const days = buckets.filter((b) => b.evaluated >= rule.minEvaluatedPerDay);
    const [previous, last] = days.slice(-2);
    if (!previous || !last || previous.passRate === null || last.passRate === null || previous.passRate === 0)
      continue;
    const drop = 1 - last.passRate / previous.passRate;
    const test = twoProportionZTest(last.passed, last.evaluated, previous.passed, previous.evaluated);
    if (drop < rule.minRelativeDrop || !test || test.p >= rule.maxPValue) continue;
    const percent = (x: number) => Math.round(x * 1000) / 10;
    conditions.push({
      kind: 'pass_rate_collapse',
      severity: SEVERITY.pass_rate_collapse,
      workloadId: workload,
      modelVersion: '',
      evidence: {
        previousDay: {
          day: previous.bucket,
          evaluated: previous.evaluated,
          passed: previous.passed,
          passRatePercent: percent(previous.passRate),
          rejections: previous.rejections,
        },
        lastDay: {
          day: last.bucket,
          evaluated: last.evaluated,
          passed: last.passed,
          passRatePercent: percent(last.passRate),
          rejections: last.rejections,
        },
        relativeDropPercent: percent(drop),
        pValue: test.p,
      },
      recommendation: `The ${workload} gate pass rate fell from ${percent(previous.passRate)}% to ${percent(last.passRate)}% in a day: check signal capture and the rejection reasons before training on this data.`,
    });
  }
  return conditions;
}
