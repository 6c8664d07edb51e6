import type { ClickHouseClient } from '@flywheel/storage';
import type { Scope } from '../queries/outcomes';
import {
  rowColumnsSql,
  sealedRowsParams,
  sealedRowsSql,
  type OutcomeRowColumn,
  type OutcomeSource,
} from './outcome-window';
import { inRawSql } from './sources';
import { planRead } from './split';

/**
 * Every interaction of the scope, one row each (re-deliveries collapsed), with `columns` and no
 * outcome: what `SELECT request_id, time, columns FROM interactions FINAL` over the scope's `[from, to)`
 * at asOf gives, for reads that bin interactions by what they are rather than by how they ended (the
 * drift check). Days `planRead` finds sealed, and those the range cuts, come from `outcome_rows`
 * bounded by the range's times, which hold each sealed interaction once; the rest from `interactions
 * FINAL` inside the plan's raw intervals, so FINAL merges the open tail only. The outcome rule is not
 * run: the plan's signal window only decides which seals are current.
 *
 * Params: the returned `params` plus projectId, workload, asOf and signalWindowSeconds
 * (`scopeParams`). `prefix` leads the plan's param names, as in `outcomeWindow`.
 */
export async function interactionWindow(
  client: ClickHouseClient,
  scope: Scope,
  columns: readonly OutcomeRowColumn[],
  prefix = '',
): Promise<OutcomeSource> {
  const plan = await planRead(client, scope, { cutDays: true });
  const read = rowColumnsSql(columns);
  const sql = `
    SELECT request_id, time ${read}
    ${sealedRowsSql(prefix)}
    UNION ALL
    SELECT request_id, time ${read}
    FROM interactions FINAL
    WHERE project_id = {projectId:String}
      AND ({workload:String} = '' OR workload_id = {workload:String})
      AND time <= {asOf:DateTime64(6, 'UTC')}
      AND (${inRawSql(plan, 'time', '', '', prefix)})`;
  return { sql, params: sealedRowsParams(plan, scope, prefix) };
}
