import { signalsAroundSql } from '../queries/outcome';
import { interactionsWithOutcomeSql, type InteractionColumn } from '../queries/outcomes';
import type { ReadPlan } from './split';

/**
 * The two halves of a planned read (`planRead`) as SQL a query unions: the sealed days from
 * `daily_outcomes`, and the raw intervals through the reference outcome rule. Both use the scope's
 * params (`scopeParams`) plus `planParams(plan)`.
 */

/**
 * SQL: the `daily_outcomes` rows of the plan's sealed days (each at its current seal version), for the
 * scope's project, workload ('' = all) and signal window. Columns as in the table (`day`, counts, …).
 */
export const SEALED_OUTCOMES_SQL = `
  SELECT * FROM daily_outcomes
  WHERE project_id = {projectId:String}
    AND signal_window_seconds = {signalWindowSeconds:UInt32}
    AND ({workload:String} = '' OR workload_id = {workload:String})
    AND has({sealedDays:Array(Date)}, day)
    AND seal_version = {sealedVersions:Array(UInt64)}[indexOf({sealedDays:Array(Date)}, day)]`;

/**
 * SQL: the scope's interactions inside the plan's raw intervals with their outcomes, exactly as
 * `interactionOutcomesSql` gives them (the same reference rule), reading only the signals that can count
 * for those intervals. Nothing when the plan has no raw interval.
 */
export function rawOutcomesSql(plan: ReadPlan, columns: readonly InteractionColumn[] = []): string {
  const ranges = plan.raw.map(
    (_, n) => `(i.time >= {raw${n}From:DateTime64(6, 'UTC')} AND i.time < {raw${n}To:DateTime64(6, 'UTC')})`,
  );
  const signals = plan.raw.map(
    (_, n) =>
      `(${signalsAroundSql({ from: `{raw${n}From:DateTime64(6, 'UTC')}`, to: `{raw${n}To:DateTime64(6, 'UTC')}` })})`,
  );
  return interactionsWithOutcomeSql({
    columns,
    where: `i.project_id = {projectId:String}
      AND ({workload:String} = '' OR i.workload_id = {workload:String})
      AND i.time <= {asOf:DateTime64(6, 'UTC')}
      AND (${ranges.length > 0 ? ranges.join(' OR ') : '0'})`,
    signalFilter: signals.length > 0 ? signals.join(' OR ') : '0',
  });
}

/** The params of `SEALED_OUTCOMES_SQL` and `rawOutcomesSql` for a plan. */
export function planParams(plan: ReadPlan): Record<string, unknown> {
  const params: Record<string, unknown> = {
    sealedDays: plan.sealed.map((s) => s.day),
    // Microsecond versions stay below 2^53 until the year 2255.
    sealedVersions: plan.sealed.map((s) => Number(s.sealVersion)),
  };
  plan.raw.forEach((r, n) => {
    params[`raw${n}From`] = r.from;
    params[`raw${n}To`] = r.to;
  });
  return params;
}
