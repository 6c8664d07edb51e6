import type { ClickHouseClient } from '@flywheel/storage';
import { JUDGMENT_PASS_SQL } from '../verdicts';

/** The two PSI windows: current (curStart, asOf] and baseline (baseStart, curStart]. DateTime64 text. */
export interface DriftWindows {
  projectId: string;
  workload: string;
  baseStart: string;
  curStart: string;
  asOf: string;
}

export type DriftDimension = 'signal_kind' | 'workload' | 'language' | 'prompt_length' | 'quality_score';

export interface BinCounts {
  dimension: DriftDimension;
  bin: string;
  baseline: number;
  current: number;
}

const DECILES = '0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9';

/**
 * Baseline and current counts per bin of every drift dimension (docs/design.md §7). Prompt length and quality
 * score are binned by the baseline's deciles (exact, so results are deterministic; tied boundaries
 * merge bins); a value equal to a boundary falls in the upper bin. The workload mix is always the project's,
 * the other dimensions follow the workload filter.
 */
export async function driftBins(client: ClickHouseClient, w: DriftWindows): Promise<BinCounts[]> {
  const baseline = `project_id = {projectId:String} AND time > {baseStart:DateTime64(6, 'UTC')}
    AND time <= {curStart:DateTime64(6, 'UTC')} AND ({workload:String} = '' OR workload_id = {workload:String})`;
  const result = await client.query({
    query: `
      WITH
        (SELECT arrayDistinct(quantilesExact(${DECILES})(prompt_chars)) FROM interactions FINAL WHERE ${baseline}) AS pc_bounds,
        (SELECT arrayDistinct(quantilesExact(${DECILES})(assumeNotNull(quality_score))) FROM interactions FINAL
          WHERE ${baseline} AND quality_score IS NOT NULL) AS qs_bounds
      SELECT pair.1 AS dimension, pair.2 AS bin, countIf(NOT cur) AS n_baseline, countIf(cur) AS n_current
      FROM (
        SELECT
          time > {curStart:DateTime64(6, 'UTC')} AS cur,
          ({workload:String} = '' OR workload_id = {workload:String}) AS mine,
          arrayFilter(p -> p.1 != '', [
            ('workload', toString(workload_id)),
            if(mine, ('language', if(language = '', 'und', toString(language))), ('', '')),
            if(mine, ('prompt_length', toString(arrayCount(b -> prompt_chars >= b, pc_bounds))), ('', '')),
            if(mine AND quality_score IS NOT NULL,
              ('quality_score', toString(arrayCount(b -> assumeNotNull(quality_score) >= b, qs_bounds))), ('', ''))
          ]) AS pairs
        FROM interactions FINAL
        WHERE project_id = {projectId:String}
          AND time > {baseStart:DateTime64(6, 'UTC')} AND time <= {asOf:DateTime64(6, 'UTC')}
      )
      ARRAY JOIN pairs AS pair
      GROUP BY dimension, bin
      UNION ALL
      SELECT 'signal_kind' AS dimension, toString(kind) AS bin,
        countIf(time <= {curStart:DateTime64(6, 'UTC')}) AS n_baseline, countIf(time > {curStart:DateTime64(6, 'UTC')}) AS n_current
      FROM signals FINAL
      WHERE project_id = {projectId:String}
        AND time > {baseStart:DateTime64(6, 'UTC')} AND time <= {asOf:DateTime64(6, 'UTC')}
        AND ({workload:String} = '' OR request_id IN (
          SELECT request_id FROM interactions
          WHERE project_id = {projectId:String} AND workload_id = {workload:String}
            AND time > {baseStart:DateTime64(6, 'UTC')} - INTERVAL 1 DAY AND time <= {asOf:DateTime64(6, 'UTC')}))
      GROUP BY bin`,
    query_params: { ...w },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    dimension: DriftDimension;
    bin: string;
    n_baseline: string;
    n_current: string;
  }>();
  return rows.map((r) => ({
    dimension: r.dimension,
    bin: r.bin,
    baseline: Number(r.n_baseline),
    current: Number(r.n_current),
  }));
}

export interface KappaCells {
  /** Monday of the review's week, `YYYY-MM-DD`. */
  week: string;
  period: 'current' | 'baseline' | 'earlier';
  pp: number;
  pf: number;
  fp: number;
  ff: number;
}

/**
 * Judge–human agreement cells: each judge verdict paired with the human verdict (every reviewer passes
 * the label of the same name) on the same interaction and metric, grouped by the week of the review.
 * Only reviews in [seriesFrom, asOf] count. Cells: judge pass/fail × human pass/fail.
 */
export async function judgeHumanCells(
  client: ClickHouseClient,
  w: DriftWindows & { seriesFrom: string },
): Promise<KappaCells[]> {
  const result = await client.query({
    query: `
      SELECT toString(toMonday(h.review_time)) AS week,
        multiIf(h.review_time > {curStart:DateTime64(6, 'UTC')}, 'current',
                h.review_time > {baseStart:DateTime64(6, 'UTC')}, 'baseline', 'earlier') AS period,
        countIf(j.v = 1 AND h.v = 1) AS pp, countIf(j.v = 1 AND h.v = 0) AS pf,
        countIf(j.v = 0 AND h.v = 1) AS fp, countIf(j.v = 0 AND h.v = 0) AS ff
      FROM (
        SELECT request_id, metric, assumeNotNull(pass) AS v FROM (
          SELECT request_id, metric, ${JUDGMENT_PASS_SQL} AS pass FROM judgments FINAL
          WHERE project_id = {projectId:String} AND time <= {asOf:DateTime64(6, 'UTC')}
        ) WHERE pass IS NOT NULL
      ) AS j
      INNER JOIN (
        SELECT request_id, label_name AS metric, toUInt8(min(label_value)) AS v, max(time) AS review_time
        FROM reviews FINAL
        ARRAY JOIN mapKeys(labels) AS label_name, mapValues(labels) AS label_value
        WHERE project_id = {projectId:String}
          AND time >= {seriesFrom:DateTime64(6, 'UTC')} AND time <= {asOf:DateTime64(6, 'UTC')}
        GROUP BY request_id, metric
      ) AS h ON h.request_id = j.request_id AND h.metric = j.metric
      WHERE {workload:String} = '' OR j.request_id IN (
        -- Only the reviewed requests are looked up: a set of the workload's whole history cost seconds.
        SELECT request_id FROM interactions
        WHERE project_id = {projectId:String} AND workload_id = {workload:String}
          AND request_id IN (
            SELECT request_id FROM reviews
            WHERE project_id = {projectId:String}
              AND time >= {seriesFrom:DateTime64(6, 'UTC')} AND time <= {asOf:DateTime64(6, 'UTC')}))
      GROUP BY week, period
      ORDER BY week, period`,
    query_params: { ...w },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    week: string;
    period: KappaCells['period'];
    pp: string;
    pf: string;
    fp: string;
    ff: string;
  }>();
  return rows.map((r) => ({
    week: r.week,
    period: r.period,
    pp: Number(r.pp),
    pf: Number(r.pf),
    fp: Number(r.fp),
    ff: Number(r.ff),
  }));
}

/** The latest eval time of each golden set at or before asOf (the workload's sets and shared ones). */
export async function goldenSetAges(
  client: ClickHouseClient,
  w: { projectId: string; workload: string; asOf: string },
): Promise<Array<{ goldenSet: string; latest: string }>> {
  const result = await client.query({
    query: `
      SELECT golden_set AS goldenSet, toString(max(time)) AS latest
      FROM evals FINAL
      WHERE project_id = {projectId:String} AND time <= {asOf:DateTime64(6, 'UTC')}
        AND ({workload:String} = '' OR workload_id IN ('', {workload:String}))
      GROUP BY golden_set
      ORDER BY golden_set`,
    query_params: w,
    format: 'JSONEachRow',
  });
  return result.json<{ goldenSet: string; latest: string }>();
}
