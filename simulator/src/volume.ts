import type { Rng } from './random';
import { dayTime } from './timeline';
import type { SimulationPlan } from './types';

/** Expected interactions on `day` across workloads, before users leave: growth and weekends. */
export function expectedDailyVolume(plan: SimulationPlan, day: number): number {
  const weekday = new Date(dayTime(plan, day)).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? plan.volume.weekendFactor : 1;
  const growth = Math.pow(1 + plan.volume.dailyGrowth, day);
  return plan.dailyVolume * weekend * growth;
}

/** Users who left do not come back: the factor falls smoothly for the churn's weeks, then stays. */
export function churnFactor(plan: SimulationPlan, day: number, workloadId: string): number {
  const churn = plan.volume.churn;
  if (!churn || day < churn.startDay) return 1;
  if (churn.workloadIds !== null && !churn.workloadIds.includes(workloadId)) return 1;
  const weeks = Math.min(day - churn.startDay, churn.weeks * 7) / 7;
  return Math.pow(churn.weeklyFactor, weeks);
}

/** Normalized workload shares on `day` (drift replaces them from its day on). */
export function workloadShares(plan: SimulationPlan, day: number): Map<string, number> {
  const drifted = plan.drift && day >= plan.drift.day ? plan.drift.workloadShares : null;
  const raw = plan.workloads.map((w) => [w.id, drifted?.[w.id] ?? w.share] as const);
  const total = raw.reduce((sum, [, s]) => sum + s, 0);
  return new Map(raw.map(([id, s]) => [id, total > 0 ? s / total : 0]));
}

/** Realized interaction counts per workload on `day` (Poisson around the expectation). */
export function dailyCounts(plan: SimulationPlan, day: number, rng: Rng): Map<string, number> {
  const total = expectedDailyVolume(plan, day);
  const counts = new Map<string, number>();
  for (const [id, share] of workloadShares(plan, day)) {
    counts.set(id, rng.poisson(total * share * churnFactor(plan, day, id)));
  }
  return counts;
}

/** Hour-of-day weights (UTC): a working-day curve with a quiet night. */
export const HOURLY_WEIGHTS = [
  1, 0.7, 0.5, 0.4, 0.4, 0.6, 1.2, 2.4, 4, 5, 5.4, 5.2, 4.6, 5, 5.3, 5.1, 4.6, 3.8, 3, 2.6, 2.4, 2.1, 1.7,
  1.3,
];
