import { ATTR_FLYWHEEL_TASK_TYPE } from '@flywheel/semconv';
import type { ClickHouseClient } from '@flywheel/storage';
import { interactionTextSql } from './interaction-messages';

/**
 * What a golden set may be stratified by. Closed list: each name maps to a column expression of the
 * candidates spliced into SQL. `difficulty` is the proxy of docs/analytics.md: `failed_before` when a
 * review failed a label or someone corrected the answer, else `long` or `short` against the median
 * input length of the window's candidates.
 */
export const GOLDEN_STRATA = {
  workload: 'workload_id',
  task_type: 'task_type',
  language: 'language',
  difficulty: 'difficulty',
} as const;
export type GoldenStratum = keyof typeof GOLDEN_STRATA;

export interface GoldenSetSpec {
  projectId: string;
  datasetId: string;
  name: string;
  workload: string;
  /** The data window, DateTime64 text, [from, to). */
  from: string;
  to: string;
  /** Reviews and corrections as known at this time. */
  at: string;
  lagDays: number;
  /** Members wanted; each stratum gets its share of it, at least one. */
  size: number;
  stratifyBy: readonly GoldenStratum[];
  seed: number;
}

/**
 * SQL over `interactions`: the window's interactions that someone reviewed or corrected by `at`, the only
 * ones that can qualify; their text (span, else events) is read for these alone.
 */
const CANDIDATES = `project_id = {projectId:String} AND workload_id = {workload:String}
  AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
  AND request_id IN (
    SELECT request_id FROM reviews FINAL WHERE project_id = {projectId:String} AND time <= {at:DateTime64(6, 'UTC')}
    UNION ALL
    SELECT request_id FROM signals FINAL
    WHERE project_id = {projectId:String} AND time <= {at:DateTime64(6, 'UTC')}
      AND kind = 'corrected' AND correction != '')`;

/**
 * Freezes a golden eval set: interactions of the window whose expected output a person gave or approved
 * — a reviewer's correction, else a user's correction, else the response when every review passed every
 * label. The model's answer alone never qualifies. One per near-duplicate group; per stratum, members
 * ordered by a seeded hash, the first `max(1, round(size × stratum share))` kept. Members carry their
 * expected output, frozen. Members are written before the dataset row, so a visible set is complete.
 */
export async function freezeGoldenSet(client: ClickHouseClient, spec: GoldenSetSpec): Promise<void> {
  const stratum = spec.stratifyBy.length
    ? `concatWithSeparator('|', ${spec.stratifyBy.map((s) => `toString(${GOLDEN_STRATA[s]})`).join(', ')})`
    : "''";
  await client.command({
    query: `
      INSERT INTO dataset_members
        (project_id, dataset_id, request_id, source, workload_id, time, split, dup_key, stratum, expected, difficulty)
      SELECT {projectId:String}, {datasetId:String}, request_id, source, workload_id, time, 'validation',
        dup_key, stratum, expected, difficulty
      FROM (
        SELECT *,
          row_number() OVER (PARTITION BY stratum ORDER BY sipHash64({seed:UInt32}, group_key), request_id) AS stratum_rank,
          count() OVER (PARTITION BY stratum) AS stratum_size,
          count() OVER () AS total
        FROM (
          SELECT *, ${stratum} AS stratum,
            row_number() OVER (PARTITION BY group_key ORDER BY source = 'correction', time, request_id) AS group_rank
          FROM (
            SELECT i.request_id AS request_id, i.i_workload AS workload_id, i.i_time AS time,
              i.i_language AS language, i.i_task_type AS task_type, i.i_dup_key AS dup_key,
              if(i.i_dup_key = '', i.request_id, i.i_dup_key) AS group_key,
              multiIf(r.r_correction != '', r.r_correction, s.s_correction != '', s.s_correction, i.response) AS expected,
              if(r.r_correction != '' OR s.s_correction != '', 'correction', 'gold') AS source,
              multiIf(NOT ifNull(r.all_pass, true) OR r.r_correction != '' OR s.s_correction != '', 'failed_before',
                lengthUTF8(i.prompt) > quantileExact(0.5)(lengthUTF8(i.prompt)) OVER (), 'long', 'short') AS difficulty
            FROM (
              SELECT request_id, any(workload_id) AS i_workload, any(time) AS i_time, any(language) AS i_language,
                any(attributes)['${ATTR_FLYWHEEL_TASK_TYPE}'] AS i_task_type, any(dup_key) AS i_dup_key,
                any(prompt) AS prompt, any(response) AS response
              FROM (${interactionTextSql({
                columns: 'request_id, workload_id, time, language, attributes, dup_key',
                where: CANDIDATES,
              })})
              GROUP BY request_id
            ) AS i
            LEFT JOIN (
              SELECT request_id, 1 AS reviewed, toNullable(min(passed)) AS all_pass,
                argMaxIf(correction, (time, reviewer), correction != '') AS r_correction
              FROM reviews FINAL
              WHERE project_id = {projectId:String} AND time <= {at:DateTime64(6, 'UTC')}
              GROUP BY request_id
            ) AS r ON r.request_id = i.request_id
            LEFT JOIN (
              SELECT request_id, argMax(correction, (time, signal_id)) AS s_correction
              FROM signals FINAL
              WHERE project_id = {projectId:String} AND time <= {at:DateTime64(6, 'UTC')}
                AND kind = 'corrected' AND correction != ''
              GROUP BY request_id
            ) AS s ON s.request_id = i.request_id
            WHERE r.r_correction != '' OR s.s_correction != '' OR (r.reviewed = 1 AND r.all_pass)
          )
        )
        WHERE group_rank = 1
      )
      WHERE stratum_rank <= greatest(1, round({size:UInt32} * stratum_size / total))`,
    query_params: {
      projectId: spec.projectId,
      datasetId: spec.datasetId,
      workload: spec.workload,
      from: spec.from,
      to: spec.to,
      at: spec.at,
      size: spec.size,
      seed: spec.seed,
    },
  });
  await client.insert({
    table: 'datasets',
    values: [
      {
        project_id: spec.projectId,
        dataset_id: spec.datasetId,
        kind: 'golden',
        name: spec.name,
        cycle_id: '',
        workload_id: spec.workload,
        window_from: spec.from,
        window_to: spec.to,
        at: spec.at,
        lag_days: spec.lagDays,
        sources: ['gold', 'correction'],
        validation_share: 1,
        stratify_by: spec.stratifyBy,
        seed: spec.seed,
      },
    ],
    format: 'JSONEachRow',
  });
}

export interface GoldenSetRow {
  id: string;
  name: string;
}

/** The golden set named `name` in a project, if any (names are unique per project). */
export async function goldenSetByName(
  client: ClickHouseClient,
  projectId: string,
  name: string,
): Promise<GoldenSetRow | null> {
  const result = await client.query({
    query: `
      SELECT dataset_id AS id, name FROM datasets FINAL
      WHERE project_id = {projectId:String} AND kind = 'golden' AND name = {name:String}
      ORDER BY dataset_id LIMIT 1`,
    query_params: { projectId, name },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<GoldenSetRow>();
  return row ?? null;
}

/** The project's golden set names by dataset id. */
export async function goldenSetNames(
  client: ClickHouseClient,
  projectId: string,
): Promise<Map<string, string>> {
  const result = await client.query({
    query: `SELECT dataset_id AS id, name FROM datasets FINAL WHERE project_id = {projectId:String} AND kind = 'golden'`,
    query_params: { projectId },
    format: 'JSONEachRow',
  });
  return new Map((await result.json<GoldenSetRow>()).map((r) => [r.id, r.name]));
}

export interface GoldenEval {
  workload: string;
  modelVersion: string;
  time: string;
  score: number;
  n: number | null;
}

/** The offline evals that ran on a golden set (`goldenSet` = its name or its id), newest first. */
export async function evalsOnGoldenSet(
  client: ClickHouseClient,
  projectId: string,
  set: GoldenSetRow,
): Promise<GoldenEval[]> {
  const result = await client.query({
    query: `
      SELECT workload_id AS workload, model_version AS modelVersion, toString(time) AS time, score, n
      FROM evals FINAL
      WHERE project_id = {projectId:String} AND golden_set IN ({name:String}, {id:String})
      ORDER BY time DESC, model_version`,
    query_params: { projectId, name: set.name, id: set.id },
    format: 'JSONEachRow',
  });
  return result.json<GoldenEval>();
}
