import { addDays, addMicros } from '../../analytics/time';
import { interactionCount } from '../../queries/arms';
import { SEVERITY } from '../rules';
import type { Condition } from '../types';
import type { DetectorContext } from './context';
import type { QualityDrop } from './regression';

/**
 * docs/design.md §8 `negative_flywheel`: a quality drop together with falling volume, interactions per day down at
 * least `minWeeklyDrop` week over week for `weeks` weeks in a row. Worse models lose users, fewer users
 * give less feedback, and the next model gets worse data: the loop turns backwards.
 */
export async function negativeFlywheelConditions(
  ctx: DetectorContext,
  drops: QualityDrop[],
): Promise<Condition[]> {
  const rule = ctx.rules.negative_flywheel;
  const conditions: Condition[] = [];
  for (const drop of drops) {
    // Weekly volumes, newest first: [asOf-7d, asOf], [asOf-14d, asOf-7d), …
    const weeks: number[] = [];
    for (let w = 0; w <= rule.weeks; w++) {
      weeks.push(
        await interactionCount(ctx.client, {
          projectId: ctx.projectId,
          workload: drop.workloadId,
          from: addDays(ctx.asOf, -(w + 1) * 7),
          to: addMicros(addDays(ctx.asOf, -w * 7), 1n),
        }),
      );
    }
    const changes = weeks.slice(0, -1).map((n, i) => (weeks[i + 1]! > 0 ? n / weeks[i + 1]! - 1 : 0));
    if (!changes.every((c) => c <= -rule.minWeeklyDrop)) continue;
    const percent = changes.map((c) => Math.round(c * 1000) / 10);
    conditions.push({
      kind: 'negative_flywheel',
      severity: SEVERITY.negative_flywheel,
      workloadId: drop.workloadId,
      modelVersion: drop.modelVersion,
      evidence: {
        ...drop.evidence,
        weeklyInteractions: weeks.map((n, w) => ({
          weeksAgo: w,
          interactions: n,
          perDay: Math.round((n / 7) * 10) / 10,
        })),
        weekOverWeekChangePercent: percent,
      },
      recommendation:
        `${drop.rolledBack ? 'Keep' : 'Roll back to'} ${drop.parentVersion} and win users back: quality dropped with ` +
        `${drop.modelVersion} and volume fell ${percent.map((p) => `${p}%`).join(', then ')} week over week.`,
    });
  }
  return conditions;
}
