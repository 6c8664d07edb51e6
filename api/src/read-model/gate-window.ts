import type { ClickHouseClient } from '@flywheel/storage';
import type { GateConfig } from '../queries/gate';
import {
  gatePlanParams,
  gateRawSql,
  planGateRead,
  rawIntervalSignalsSql,
  rawIntervalsSql,
} from './gate-plan';
import { gatedRowsSql } from './gate-rows';
import { currentSealParams, currentSealSql } from './seals';

/**
 * SQL giving a window's interactions with their gate verdicts, and its params beyond the reader's own:
 * what `gatedWindow` returns; tests pass the raw-row reference (`GATED_INTERACTIONS_SQL`) instead.
 */
export interface GatedSource {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * Every interaction of [from, to) with the gate's verdict as of asOf, one row each — what
 * `GATED_INTERACTIONS_SQL` gives for the window — for per-row questions the sealed counts cannot answer
 * (review sampling, known outcomes, sycophancy among passed candidates). Sealed days of the window are
 * read from `gate_rows` (every verdict there is final at asOf, so each row is evaluated), those the
 * window cuts bounded by its times; the rest is computed from raw rows with sealed history's firsts
 * standing in for the near-duplicate rule's scan. The cost follows the window's unsealed part, not the
 * project's history, and no text is read: the markers were computed at insert (storage migration 0019).
 * Columns: those of `gatedRowsSql` but the features, with `markers` the text's lexicon markers praise,
 * pushback and reversal (UInt8), with `features` the review queue's prompt_key, language,
 * quality_score and mean_logprob. Params: the returned `params` plus projectId, workload, to, asOf and the
 * thresholds (`gateQueryParams`).
 */
export async function gatedWindow(
  client: ClickHouseClient,
  w: { projectId: string; workload: string; from: string; to: string; asOf: string; config: GateConfig },
  options: { markers?: boolean; features?: boolean } = {},
): Promise<GatedSource> {
  const plan = await planGateRead(client, w, { cutDays: true });
  const rawWhere = rawIntervalsSql(plan, 'i.');
  const raw = gateRawSql(plan, rawWhere, rawIntervalSignalsSql(plan));
  const rawRows = gatedRowsSql({ ...raw, wanted: rawIntervalsSql(plan) });
  const markers = options.markers
    ? ', toUInt8(praise) AS praise, toUInt8(pushback) AS pushback, toUInt8(reversal) AS reversal'
    : '';
  const features = options.features
    ? ', prompt_key, toString(language) AS language, quality_score, response_mean_logprob AS mean_logprob'
    : '';
  const sql = `
    SELECT toString(workload_id) AS workload_id, request_id, time, toString(model_version) AS model_version,
      dup_key, true AS evaluated, toString(outcome) AS outcome, toString(deciding_kind) AS deciding_kind,
      base_passed, CAST(gate_reasons, 'Array(String)') AS gate_reasons, empty(gate_reasons) AS gate_passed
      ${markers}${features}
    FROM gate_rows
    WHERE project_id = {projectId:String} AND gate_key = {gateKey:String}
      AND ({workload:String} = '' OR workload_id = {workload:String})
      AND ${currentSealSql('rowDays', 'rowVersions')}
      AND time >= {sealedFrom:DateTime64(6, 'UTC')} AND time < {sealedTo:DateTime64(6, 'UTC')}
    UNION ALL
    SELECT toString(r.workload_id), r.request_id, r.time, toString(r.model_version), r.dup_key, r.evaluated,
      toString(r.outcome), toString(r.deciding_kind), r.base_passed, CAST(r.gate_reasons, 'Array(String)'),
      r.gate_passed
      ${options.markers ? ', toUInt8(r.praise), toUInt8(r.pushback), toUInt8(r.reversal)' : ''}
      ${features ? ', r.prompt_key, toString(r.language), r.quality_score, r.response_mean_logprob' : ''}
    FROM (${rawRows}) AS r`;
  return {
    sql,
    params: {
      ...gatePlanParams(plan),
      // Whole and cut days alike are read from `gate_rows`: one set of (day, version) pairs.
      ...currentSealParams('rowDays', 'rowVersions', [...plan.sealed, ...plan.cut]),
      sealedFrom: w.from,
      sealedTo: w.to,
    },
  };
}
