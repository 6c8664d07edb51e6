import { SIGNAL_CLOCK_SKEW_SECONDS } from '../queries/outcome';
import { interactionsWithOutcomeSql, type InteractionColumn } from '../queries/outcomes';
import { currentSealParams, currentSealSql } from './seals';
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
    AND ${currentSealSql('sealedDays', 'sealedVersions')}`;

/**
 * SQL: the `outcome_rows` of the plan's cut days (`ReadPlan.cut`) inside the scope's `[from, to)`: one
 * row per interaction with its sealed outcome, as the table holds it. Nothing when the plan cuts none.
 */
export const CUT_OUTCOME_ROWS_SQL = `
  SELECT * FROM outcome_rows
  WHERE project_id = {projectId:String}
    AND signal_window_seconds = {signalWindowSeconds:UInt32}
    AND ({workload:String} = '' OR workload_id = {workload:String})
    AND ${currentSealSql('cutDays', 'cutVersions')}
    AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}`;

/**
 * SQL: the scope's interactions inside the plan's raw intervals with their outcomes, exactly as
 * `interactionOutcomesSql` gives them (the same reference rule), reading only the signals that can count
 * for those intervals. Nothing when the plan has no raw interval.
 *
 * The intervals are two array parameters, not one condition each: a read that cuts many days (the
 * cycles' version windows) would otherwise hand the engine dozens of ORed ranges, whose analysis cost
 * more than reading the rows. The outer bounds still prune parts by the sort key. `prefix` leads the
 * names of the plan's params (`planParams`).
 */
export function rawOutcomesSql(
  plan: ReadPlan,
  columns: readonly InteractionColumn[] = [],
  prefix = '',
): string {
  return interactionsWithOutcomeSql({
    columns,
    where: `i.project_id = {projectId:String}
      AND ({workload:String} = '' OR i.workload_id = {workload:String})
      AND i.time <= {asOf:DateTime64(6, 'UTC')}
      AND (${inRawSql(plan, 'i.time', '', '', prefix)})`,
    signalFilter: inRawSql(
      plan,
      'time',
      ` - toIntervalSecond(${SIGNAL_CLOCK_SKEW_SECONDS})`,
      ' + toIntervalSecond({signalWindowSeconds:UInt32})',
      prefix,
    ),
  });
}

/**
 * SQL: `time` (an event time expression) lies in one of the plan's raw intervals, each widened by the
 * SQL `before` and `after` add to its ends. Nothing when the plan has none. Params: `planParams` (with
 * the same `prefix`, for a statement that reads two plans).
 */
export function inRawSql(plan: ReadPlan, time: string, before = '', after = '', prefix = ''): string {
  if (plan.raw.length === 0) return '0';
  const from = `{${prefix}rawFrom:Array(DateTime64(6, 'UTC'))}`;
  const to = `{${prefix}rawTo:Array(DateTime64(6, 'UTC'))}`;
  return `${time} >= arrayMin(${from})${before} AND ${time} < arrayMax(${to})${after}
      AND arrayExists((raw_from, raw_to) -> ${time} >= raw_from${before} AND ${time} < raw_to${after}, ${from}, ${to})`;
}

/**
 * The params of `SEALED_OUTCOMES_SQL`, `CUT_OUTCOME_ROWS_SQL` and `rawOutcomesSql` for a plan, their names led by `prefix` when
 * a statement reads two plans.
 */
export function planParams(plan: ReadPlan, prefix = ''): Record<string, unknown> {
  return {
    ...currentSealParams(`${prefix}sealedDays`, `${prefix}sealedVersions`, plan.sealed),
    ...currentSealParams(`${prefix}cutDays`, `${prefix}cutVersions`, plan.cut),
    [`${prefix}rawFrom`]: plan.raw.map((r) => r.from),
    [`${prefix}rawTo`]: plan.raw.map((r) => r.to),
  };
}
