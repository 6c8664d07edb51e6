import type { ClickHouseClient } from '@flywheel/storage';
import {
  gateRawSql,
  gatePlanParams,
  planGateRead,
  rawIntervalSignalsSql,
  rawIntervalsSql,
} from '../read-model/gate-plan';
import { gatedRowsSql } from '../read-model/gate-rows';
import { currentSealSql } from '../read-model/seals';
import { signalsAroundSql } from './outcome';
import { closedBy, interactionsWithOutcomeSql, signalWindowParam, type InteractionColumn } from './outcomes';

/** Thresholds of the quality gate (docs/design.md §5). Every one is a parameter: history is re-scored at query time. */
export interface GateConfig {
  /** Rule 1: the deciding signal must be one of these kinds. */
  allowedOutcomeKinds: string[];
  minResponseWords: number;
  minQualityScore: number;
  minGroundingScore: number;
  maxToxicity: number;
  minPromptChars: number;
  maxPromptChars: number;
  /** Empty: every language is allowed. */
  allowedLanguages: string[];
  minTopicRelevance: number;
  /** Signals within this many hours after the response count; the interaction is evaluated once it closed. */
  signalWindowHours: number;
}

export const DEFAULT_GATE_CONFIG: GateConfig = {
  allowedOutcomeKinds: ['accepted', 'copied', 'corrected', 'edited'],
  minResponseWords: 20,
  minQualityScore: 0.6,
  minGroundingScore: 0.5,
  maxToxicity: 0.1,
  minPromptChars: 2,
  maxPromptChars: 32_000,
  allowedLanguages: [],
  minTopicRelevance: 0.1,
  signalWindowHours: 24,
};

/** Rejection reasons, in rule order; an interaction reports every one that applies. */
export const GATE_REASONS = [
  'outcome',
  'response_length',
  'quality_score',
  'grounding_score',
  'toxicity',
  'pii',
  'prompt_length',
  'language',
  'jailbreak',
  'off_topic',
  'near_duplicate',
] as const;
export type GateReason = (typeof GATE_REASONS)[number];

export function gateQueryParams(config: GateConfig): Record<string, unknown> {
  return {
    allowedOutcomeKinds: config.allowedOutcomeKinds,
    minResponseWords: config.minResponseWords,
    minQualityScore: config.minQualityScore,
    minGroundingScore: config.minGroundingScore,
    maxToxicity: config.maxToxicity,
    minPromptChars: config.minPromptChars,
    maxPromptChars: config.maxPromptChars,
    allowedLanguages: config.allowedLanguages,
    minTopicRelevance: config.minTopicRelevance,
    ...signalWindowParam(config.signalWindowHours),
  };
}

export const GATE_COLUMNS = [
  'project_id',
  'workload_id',
  'model_version',
  'user_id',
  'dup_key',
  'response_words',
  'quality_score',
  'grounding_score',
  'toxicity',
  'pii_kinds',
  'prompt_chars',
  'language',
  'jailbreak',
  'topic_relevance',
] as const satisfies readonly InteractionColumn[];

/**
 * SQL over `o.*` (an interaction with `GATE_COLUMNS` and its outcome): the rules other than the
 * near-duplicate one that reject it, in rule order ([] when it passes them). Params: those of
 * `gateQueryParams`.
 */
export const GATE_BASE_REASONS_SQL = `
  arrayFilter(r -> r != '', [
    if(o.deciding_kind IN {allowedOutcomeKinds:Array(String)}, '', 'outcome'),
    if(o.response_words >= {minResponseWords:UInt32}, '', 'response_length'),
    if(o.quality_score IS NULL OR o.quality_score >= {minQualityScore:Float64}, '', 'quality_score'),
    if(o.grounding_score IS NULL OR o.grounding_score >= {minGroundingScore:Float64}, '', 'grounding_score'),
    if(o.toxicity <= {maxToxicity:Float64}, '', 'toxicity'),
          if(empty(o.pii_kinds), '', 'pii'),
    if(o.prompt_chars BETWEEN {minPromptChars:UInt32} AND {maxPromptChars:UInt32}, '', 'prompt_length'),
          if(empty({allowedLanguages:Array(String)}) OR has({allowedLanguages:Array(String)}, o.language), '', 'language'),
    if(o.jailbreak = '', '', 'jailbreak'),
    if(o.topic_relevance IS NULL OR o.topic_relevance >= {minTopicRelevance:Float64}, '', 'off_topic')
  ])`;

/**
 * Every interaction of a project (and workload, '' for all) up to `{to}`, with its outcome (the one rule
 * of `./outcome`, signals known at `{asOf}` within the signal window) and the gate's verdict as of
 * `{asOf}`. Near-duplicates are judged against all earlier candidates of the workload, so history before
 * the caller's `from` is read too.
 *
 * Params: projectId, workload, to, asOf and those of `gateQueryParams`.
 * Columns: project_id, workload_id, request_id, time, model_version, user_id, outcome, deciding_kind,
 * evaluated, gate_reasons, gate_passed.
 */
export const GATED_INTERACTIONS_SQL = `
  SELECT
    project_id, workload_id, request_id, time, model_version, user_id, outcome, deciding_kind, evaluated,
    if(length(base_reasons) = 0 AND dup_key != '' AND dup_rank > 1, ['near_duplicate'], base_reasons) AS gate_reasons,
    length(gate_reasons) = 0 AS gate_passed
  FROM (
    SELECT *, row_number() OVER (PARTITION BY workload_id, dup_key, length(base_reasons) = 0 ORDER BY time, request_id) AS dup_rank
    FROM (
      SELECT
        o.project_id AS project_id, o.workload_id AS workload_id, o.request_id AS request_id, o.time AS time,
        o.model_version AS model_version, o.user_id AS user_id, o.dup_key AS dup_key,
        o.outcome AS outcome, o.deciding_kind AS deciding_kind,
        o.time + toIntervalSecond({signalWindowSeconds:UInt32}) <= {asOf:DateTime64(6, 'UTC')} AS evaluated,
        ${GATE_BASE_REASONS_SQL} AS base_reasons
      FROM (${interactionsWithOutcomeSql({
        columns: GATE_COLUMNS,
        where: `i.project_id = {projectId:String}
          AND ({workload:String} = '' OR i.workload_id = {workload:String})
          AND i.time < {to:DateTime64(6, 'UTC')}`,
        signalFilter: signalsAroundSql({ to: "{to:DateTime64(6, 'UTC')}" }),
      })}) AS o
    )
  )`;

export interface GateBucket {
  /** Start of the bucket, ISO 8601. */
  bucket: string;
  evaluated: number;
  passed: number;
  passRate: number | null;
  rejections: Record<string, number>;
}

export interface GateWindow {
  projectId: string;
  workload?: string;
  /** DateTime64 text, inclusive. */
  from: string;
  /** DateTime64 text, exclusive. */
  to: string;
  asOf: string;
  bucket: 'day' | 'week';
  config: GateConfig;
}

/**
 * Filter pass rate per bucket over the interactions whose signal window has closed (docs/design.md §5):
 * sealed days from `daily_gate` (those the range cuts from `gate_rows`, bounded by time), the rest from
 * raw rows with sealed history standing in for the
 * near-duplicate rule's scan (`planGateRead`). Equal to `GATED_INTERACTIONS_SQL` over the window.
 */
export async function gateBuckets(client: ClickHouseClient, window: GateWindow): Promise<GateBucket[]> {
  const sums = new Map<string, GateBucket>();
  for (const row of await gateBucketsByWorkload(client, window)) {
    const sum = sums.get(row.bucket) ?? {
      bucket: row.bucket,
      evaluated: 0,
      passed: 0,
      passRate: null,
      rejections: {},
    };
    sum.evaluated += row.evaluated;
    sum.passed += row.passed;
    sum.passRate = sum.evaluated > 0 ? sum.passed / sum.evaluated : null;
    for (const [k, v] of Object.entries(row.rejections)) sum.rejections[k] = (sum.rejections[k] ?? 0) + v;
    sums.set(row.bucket, sum);
  }
  return [...sums.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : 1));
}

/**
 * `gateBuckets` per workload, in one statement. A workload's verdicts never depend on another's (the
 * near-duplicate rule looks within the workload), so each workload's rows of a project-wide read are
 * its own read under the same thresholds: velocity takes every workload card's gate from them.
 */
export async function gateBucketsByWorkload(
  client: ClickHouseClient,
  window: GateWindow,
): Promise<Array<GateBucket & { workloadId: string }>> {
  const workload = window.workload ?? '';
  // Only evaluated interactions count: the range ends where signal windows still open at asOf begin, so
  // the open tail is neither computed nor, for the near-duplicate rule, needed (it looks back only).
  const to = closedBy(window.asOf, window.config.signalWindowHours, window.to);
  const plan = await planGateRead(client, { ...window, workload, to }, { cutDays: true });
  const start = (time: string) => `toString(${window.bucket === 'week' ? 'toMonday' : 'toDate'}(${time}))`;
  const raw = gateRawSql(plan, rawIntervalsSql(plan, 'i.'), rawIntervalSignalsSql(plan));
  const result = await client.query({
    query: `
      SELECT workload, bucket_start, sum(evaluated_count) AS n_evaluated, sum(passed_count) AS n_passed,
        sumMap(rejections) AS n_rejections
      FROM (
        SELECT toString(workload_id) AS workload, ${start('day')} AS bucket_start, sum(evaluated) AS evaluated_count,
          sum(passed) AS passed_count,
          sumMap(CAST(rejections, 'Map(String, UInt64)')) AS rejections
        FROM daily_gate
        WHERE project_id = {projectId:String} AND gate_key = {gateKey:String}
          AND ({workload:String} = '' OR workload_id = {workload:String})
          AND ${currentSealSql('sealedDays', 'sealedVersions')}
        GROUP BY workload, bucket_start
        UNION ALL
        SELECT toString(workload_id) AS workload, ${start('time')} AS bucket_start, count() AS evaluated_count,
          countIf(empty(gate_reasons)) AS passed_count,
          sumMap(mapFromArrays(CAST(gate_reasons, 'Array(String)'), arrayMap(r -> toUInt64(1), gate_reasons))) AS rejections
        FROM gate_rows
        WHERE project_id = {projectId:String} AND gate_key = {gateKey:String}
          AND ({workload:String} = '' OR workload_id = {workload:String})
          AND ${currentSealSql('cutDays', 'cutVersions')}
          AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
        GROUP BY workload, bucket_start
        UNION ALL
        SELECT toString(workload_id) AS workload, ${start('time')} AS bucket_start, count() AS evaluated_count, countIf(gate_passed) AS passed_count,
          sumMap(mapFromArrays(gate_reasons, arrayMap(r -> toUInt64(1), gate_reasons))) AS rejections
        FROM (${gatedRowsSql({ ...raw, wanted: `evaluated AND (${rawIntervalsSql(plan)})` })})
        GROUP BY workload, bucket_start
      )
      GROUP BY workload, bucket_start
      ORDER BY workload, bucket_start`,
    query_params: {
      projectId: window.projectId,
      workload,
      from: window.from,
      to,
      asOf: window.asOf,
      ...gateQueryParams(window.config),
      ...gatePlanParams(plan),
    },
    format: 'JSONEachRow',
  });
  // Aggregates are named apart from the columns they read: ClickHouse resolves aliases in WHERE too.
  const rows = await result.json<{
    workload: string;
    bucket_start: string;
    n_evaluated: string;
    n_passed: string;
    n_rejections: Record<string, string>;
  }>();
  return rows.map((row) => {
    const evaluated = Number(row.n_evaluated);
    const passed = Number(row.n_passed);
    return {
      workloadId: row.workload,
      bucket: row.bucket_start,
      evaluated,
      passed,
      passRate: evaluated > 0 ? passed / evaluated : null,
      rejections: Object.fromEntries(
        Object.entries(row.n_rejections)
          .filter(([, n]) => Number(n) > 0)
          .map(([reason, n]) => [reason, Number(n)]),
      ),
    };
  });
}
