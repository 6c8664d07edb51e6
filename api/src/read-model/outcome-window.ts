import type { ClickHouseClient } from '@flywheel/storage';
import type { Scope } from '../queries/outcomes';
import { currentSealParams, currentSealSql } from './seals';
import { planParams, rawOutcomesSql } from './sources';
import { planRead, type ReadPlan } from './split';

/** The interaction columns `outcome_rows` holds beside the outcome (a closed list: spliced into SQL). */
export type OutcomeRowColumn =
  | 'workload_id'
  | 'model_version'
  | 'user_id'
  | 'latency_ms'
  | 'output_tokens'
  | 'response_words'
  | 'prompt_chars'
  | 'quality_score'
  | 'language'
  | 'prompt_key';

const LOW_CARDINALITY: ReadonlySet<OutcomeRowColumn> = new Set(['workload_id', 'model_version', 'language']);

/**
 * SQL: `, col AS col` for each of `columns`, stored LowCardinality columns read as String, so that the
 * rows of `outcome_rows` and those computed from raw rows union as one type.
 */
export function rowColumnsSql(columns: readonly OutcomeRowColumn[]): string {
  return columns.map((c) => `, ${LOW_CARDINALITY.has(c) ? `toString(${c})` : c} AS ${c}`).join('');
}

/**
 * SQL giving a scope's interactions with their outcomes, and its params beyond the scope's own
 * (`scopeParams`): what `outcomeWindow` returns; tests pass the raw-row reference
 * (`interactionOutcomesSql`, no further params) instead.
 */
export interface OutcomeSource {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * SQL: `FROM outcome_rows WHERE …`, the rows of the plan's sealed and cut days (each at its current
 * seal) inside the scope's range, for the scope's project, signal window and workload. Params:
 * `sealedRowsParams` and the scope's (`scopeParams`).
 */
export function sealedRowsSql(prefix: string): string {
  return `FROM outcome_rows
    WHERE project_id = {projectId:String}
      AND signal_window_seconds = {signalWindowSeconds:UInt32}
      AND ({workload:String} = '' OR workload_id = {workload:String})
      AND ${currentSealSql(`${prefix}rowDays`, `${prefix}rowVersions`)}
      AND time >= {${prefix}rowsFrom:DateTime64(6, 'UTC')} AND time < {${prefix}rowsTo:DateTime64(6, 'UTC')}`;
}

/** The params of a plan's read: its raw intervals (`planParams`) and its rows in `outcome_rows`. */
export function sealedRowsParams(plan: ReadPlan, scope: Scope, prefix: string): Record<string, unknown> {
  return {
    ...planParams(plan, prefix),
    // Whole and cut days alike are read from `outcome_rows`: one set of (day, version) pairs.
    ...currentSealParams(`${prefix}rowDays`, `${prefix}rowVersions`, [...plan.sealed, ...plan.cut]),
    [`${prefix}rowsFrom`]: scope.from,
    [`${prefix}rowsTo`]: scope.to,
  };
}

/**
 * Every interaction of the scope with its outcome as of asOf, one row each — what
 * `interactionOutcomesSql(columns)` gives — for questions the sealed daily counts cannot answer (per
 * user, per latency quantile). Days `planRead` finds sealed come from `outcome_rows` (their outcomes are
 * final at asOf), those the range cuts bounded by its times; the rest through the reference rule over raw rows, so the cost follows the window's
 * unsealed part. Columns: request_id, time, `columns`, outcome, deciding_kind, has_explicit,
 * explicit_outcome, implicit_outcome, has_correction. Params: the returned `params` plus projectId,
 * workload, asOf and signalWindowSeconds (`scopeParams`; not from and to: the plan bounds the rows).
 * `prefix` leads the plan's param names, for a statement that reads another window too.
 */
export async function outcomeWindow(
  client: ClickHouseClient,
  scope: Scope,
  columns: readonly OutcomeRowColumn[],
  prefix = '',
): Promise<OutcomeSource> {
  const plan = await planRead(client, scope, { cutDays: true });
  // Stored LowCardinality and Bool columns are read as the rule's own types, so the union has one type.
  const read = rowColumnsSql(columns);
  const sql = `
    SELECT request_id, time ${read}, toString(outcome) AS outcome, toString(deciding_kind) AS deciding_kind,
      toUInt8(has_explicit) AS has_explicit, toString(explicit_outcome) AS explicit_outcome,
      toString(implicit_outcome) AS implicit_outcome, toUInt8(has_correction) AS has_correction
    ${sealedRowsSql(prefix)}
    UNION ALL
    SELECT request_id, time ${read}, outcome, deciding_kind,
      toUInt8(has_explicit), explicit_outcome, implicit_outcome, toUInt8(has_correction)
    FROM (${rawOutcomesSql(plan, columns, prefix)})`;
  return { sql, params: sealedRowsParams(plan, scope, prefix) };
}
