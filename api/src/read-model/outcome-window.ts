import type { ClickHouseClient } from '@flywheel/storage';
import { scopeParams, type Scope } from '../queries/outcomes';
import { planParams, rawOutcomesSql } from './sources';
import { planRead } from './split';

/** The interaction columns `outcome_rows` holds beside the outcome (a closed list: spliced into SQL). */
export type OutcomeRowColumn =
  'workload_id' | 'model_version' | 'user_id' | 'latency_ms' | 'output_tokens' | 'response_words';

/**
 * SQL giving a scope's interactions with their outcomes, and its params: what `outcomeWindow` returns;
 * tests pass the raw-row reference (`interactionOutcomesSql` with `scopeParams`) instead.
 */
export interface OutcomeSource {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * Every interaction of the scope with its outcome as of asOf, one row each — what
 * `interactionOutcomesSql(columns)` gives — for questions the sealed daily counts cannot answer (per
 * user, per latency quantile). Days `planRead` finds sealed come from `outcome_rows` (their outcomes are
 * final at asOf); the rest through the reference rule over raw rows, so the cost follows the window's
 * unsealed part. Columns: request_id, time, `columns`, outcome, deciding_kind, has_explicit,
 * explicit_outcome, implicit_outcome, has_correction.
 */
export async function outcomeWindow(
  client: ClickHouseClient,
  scope: Scope,
  columns: readonly OutcomeRowColumn[],
): Promise<OutcomeSource> {
  const plan = await planRead(client, scope);
  // Stored LowCardinality and Bool columns are read as the rule's own types, so the union has one type.
  const read = columns
    .map((c) => `, ${c === 'workload_id' || c === 'model_version' ? `toString(${c})` : c} AS ${c}`)
    .join('');
  const sql = `
    SELECT request_id, time ${read}, toString(outcome) AS outcome, toString(deciding_kind) AS deciding_kind,
      toUInt8(has_explicit) AS has_explicit, toString(explicit_outcome) AS explicit_outcome,
      toString(implicit_outcome) AS implicit_outcome, toUInt8(has_correction) AS has_correction
    FROM outcome_rows
    WHERE project_id = {projectId:String}
      AND signal_window_seconds = {signalWindowSeconds:UInt32}
      AND ({workload:String} = '' OR workload_id = {workload:String})
      AND has({sealedDays:Array(Date)}, day)
      AND seal_version = {sealedVersions:Array(UInt64)}[indexOf({sealedDays:Array(Date)}, day)]
    UNION ALL
    SELECT request_id, time ${read}, outcome, deciding_kind,
      toUInt8(has_explicit), explicit_outcome, implicit_outcome, toUInt8(has_correction)
    FROM (${rawOutcomesSql(plan, columns)})`;
  return { sql, params: { ...scopeParams(scope), ...planParams(plan) } };
}
