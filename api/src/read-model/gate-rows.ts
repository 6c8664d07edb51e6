import { GATE_BASE_REASONS_SQL, GATE_COLUMNS } from '../queries/gate';
import { interactionsWithOutcomeSql, type InteractionColumn } from '../queries/outcomes';
import { currentSealParams, currentSealSql, type SealedDay } from './seals';

/**
 * The gate's verdicts without its history scan. The near-duplicate rule rejects an interaction that
 * passed every other rule when an earlier one (time, then request id) of its workload and duplicate key
 * passed them too. For the rows computed from raw data (`rows`), "an earlier one passed" is answered
 * from those rows themselves and, for the sealed days of history, from `gate_firsts` — each sealed
 * day's earliest passing row per key, looked up only for the keys of `rows`. Exact when `rows` holds
 * every interaction of the workloads concerned from the end of the sealed prefix to the last row
 * wanted: an earlier passing row is then either among `rows` or on a sealed day, whose first is at or
 * before it. (For an interaction evaluated at asOf, every earlier one's signal window has closed too,
 * so its verdict as of asOf is the sealed one.)
 */
export interface GatedRows {
  /** SQL over `i.*`: the interactions computed from raw rows (see above). */
  rows: string;
  /** Narrows the signals read for `rows`; see `OutcomeSource.signalFilter`. */
  signalFilter: string;
  /** SQL over the result's columns: which of `rows` to return. */
  wanted: string;
}

/**
 * What a gate row carries besides its verdict: the text's sycophancy markers, computed at insert
 * (storage migration 0019), and for the review queue's ranking the input key, language, judge score and
 * mean token logprob (`gate_rows` since storage migration 0018).
 */
const FEATURE_COLUMNS = [
  'praise',
  'pushback',
  'reversal',
  'prompt_key',
  'language',
  'quality_score',
  'response_mean_logprob',
] as const satisfies readonly InteractionColumn[];

/**
 * SQL: the interactions `rows` (SQL over `i.*`) selects with every rule but the near-duplicate one
 * applied as of `{asOf}`. Columns: workload_id, request_id, time, model_version, dup_key, evaluated,
 * base_reasons, outcome, deciding_kind, praise, pushback, reversal, prompt_key, language, quality_score,
 * response_mean_logprob.
 * Params: projectId, asOf, the thresholds (`gateQueryParams`), plus those of `rows`.
 */
export function gateBaseRowsSql(rows: string, signalFilter: string): string {
  const columns = [...new Set([...GATE_COLUMNS, ...FEATURE_COLUMNS])];
  return `
    SELECT o.workload_id AS workload_id, o.request_id AS request_id, o.time AS time,
      o.model_version AS model_version, o.dup_key AS dup_key,
      o.time + toIntervalSecond({signalWindowSeconds:UInt32}) <= {asOf:DateTime64(6, 'UTC')} AS evaluated,
      ${GATE_BASE_REASONS_SQL} AS base_reasons, o.outcome AS outcome, o.deciding_kind AS deciding_kind,
      o.praise AS praise, o.pushback AS pushback, o.reversal AS reversal,
      o.prompt_key AS prompt_key, o.language AS language, o.quality_score AS quality_score,
      o.response_mean_logprob AS response_mean_logprob
    FROM (${interactionsWithOutcomeSql({ columns, where: rows, signalFilter })}) AS o`;
}

/**
 * SQL: the wanted interactions with the gate's verdict as of `{asOf}`, the same as
 * `GATED_INTERACTIONS_SQL` gives them. Columns: workload_id, request_id, time, model_version, dup_key,
 * evaluated, outcome, deciding_kind, base_passed, gate_reasons, gate_passed, and the features
 * praise, pushback, reversal, prompt_key, language, quality_score, response_mean_logprob. Params:
 * projectId, asOf, the thresholds (`gateQueryParams`), gateKey and those of `gateContextParams`, plus
 * those of `rows`.
 */
export function gatedRowsSql(g: GatedRows): string {
  return `
    SELECT workload_id, request_id, time, model_version, dup_key, evaluated, outcome, deciding_kind,
      length(base_reasons) = 0 AS base_passed,
      if(base_passed AND dup_key != '' AND (time, request_id) > first_passed, ['near_duplicate'], base_reasons) AS gate_reasons,
      length(gate_reasons) = 0 AS gate_passed,
      praise, pushback, reversal, prompt_key, language, quality_score, response_mean_logprob
    FROM (
      SELECT *,
        minIf((time, request_id), length(base_reasons) = 0) OVER (PARTITION BY workload_id, dup_key) AS first_passed
      FROM (
        SELECT true AS computed, * FROM (${gateBaseRowsSql(g.rows, g.signalFilter)})
        UNION ALL
        SELECT false, toString(workload_id), first_request, first_time, '', dup_key, false, CAST([], 'Array(String)'), '', '',
          false, false, false, 0, '', NULL, NULL
        FROM gate_firsts
        -- The keys' hashes, stored with the firsts (storage migration 0020), not the keys: a set of
        -- numbers is probed three times faster than one of strings, and no stored key is hashed. Any
        -- first the set lets through is the true first of its own workload and key, so one that
        -- matched by collision or by another workload's key changes no verdict. The hash is the first
        -- filter (PREWHERE), so the seal versions are checked only for the firsts of wanted keys; and
        -- wrapped in identity(), so the engine does not also prepare the set for an index lookup,
        -- which made the lookup for the keys of a week's seal five times slower.
        PREWHERE identity(dup_hash) IN (
          SELECT cityHash64(i.dup_key) FROM interactions AS i WHERE ${g.rows} AND i.dup_key != '')
        WHERE project_id = {projectId:String} AND gate_key = {gateKey:String}
          AND ${currentSealSql('gateDays', 'gateVersions')}
      )
    )
    WHERE computed AND (${g.wanted})`;
}

/** The params of `gatedRowsSql` naming the sealed days whose firsts stand in for history. */
export function gateContextParams(sealed: readonly SealedDay[]): Record<string, unknown> {
  return currentSealParams('gateDays', 'gateVersions', sealed);
}
