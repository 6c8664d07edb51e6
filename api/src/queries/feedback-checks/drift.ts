import type { ClickHouseClient } from '@flywheel/storage';
import { addMicros } from '../../analytics/time';
import { interactionWindow } from '../../read-model/interaction-window';
import type { OutcomeSource } from '../../read-model/outcome-window';
import { scopeParams } from '../outcomes';
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

/** The interaction columns the bins read, from the source of `driftBins`. */
export const DRIFT_COLUMNS = ['workload_id', 'language', 'prompt_chars', 'quality_score'] as const;

const DECILES = '0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9';

/**
 * `grouping(workload_id, language, prompt_chars, quality_score)` of each grouping set in `driftBins`:
 * one bit per argument, set where the set aggregates that column away (the SQL standard's GROUPING).
 */
const BY_WORKLOAD = 0b0111;
const BY_LANGUAGE = 0b1011;
const BY_LENGTH = 0b1101;
const BY_QUALITY = 0b1110;

/**
 * SQL: the exact deciles (`quantilesExact`, deduplicated) of a histogram, `hist` an expression of a
 * sorted array of (value, count) tuples: the value at 0-based position ⌊level × total⌋, as the engine's
 * exact quantile picks it, and 0 for an empty histogram, as it gives.
 */
function histogramDecilesSql(hist: string): string {
  return `arrayDistinct(arrayMap(level -> ${hist}[arrayFirstIndex(
      c -> c > toUInt64(level * arraySum(arrayMap(t -> t.2, ${hist}))),
      arrayCumSum(arrayMap(t -> t.2, ${hist})))].1, [${DECILES}]))`;
}

/**
 * Baseline and current counts per bin of every drift dimension (docs/design.md §7). Prompt length and quality
 * score are binned by the baseline's deciles (exact, so results are deterministic; tied boundaries
 * merge bins); a value equal to a boundary falls in the upper bin. The workload mix is always the project's,
 * the other dimensions follow the workload filter.
 *
 * `given` gives every interaction of the project in (baseStart, asOf], one row each, with
 * `DRIFT_COLUMNS` (`driftSource` by default; tests pass the raw-row reference); its params go with it.
 * The rows are read once, into one small histogram per dimension and window (grouping sets); the
 * deciles and bins are taken from the histograms. Signals count once per id, as distinct 64-bit hashes
 * of (request, signal) — the signal mix's reasoning, docs/decisions.md — instead of merging `signals`
 * with FINAL.
 */
export async function driftBins(
  client: ClickHouseClient,
  w: DriftWindows & { signalWindowHours: number },
  given?: OutcomeSource,
): Promise<BinCounts[]> {
  const source = given ?? (await driftSource(client, w));
  const result = await client.query({
    query: `
      SELECT dimension, bin, sumIf(n, NOT cur) AS n_baseline, sumIf(n, cur) AS n_current
      FROM (
        SELECT cur, n,
          multiIf(aggregated = ${BY_WORKLOAD}, 'workload', aggregated = ${BY_LANGUAGE}, 'language',
            aggregated = ${BY_LENGTH}, 'prompt_length', 'quality_score') AS dimension,
          multiIf(aggregated = ${BY_WORKLOAD}, toString(workload_id),
            aggregated = ${BY_LANGUAGE}, if(language = '', 'und', toString(language)),
            aggregated = ${BY_LENGTH}, toString(arrayCount(b -> prompt_chars >= b, length_bounds)),
            toString(arrayCount(b -> assumeNotNull(quality_score) >= b, quality_bounds))) AS bin
        FROM (
          -- The baseline's histograms of the filtered workload, over every histogram row (a window:
          -- a scalar subquery over the same rows would read the interactions once more).
          SELECT *,
            ${histogramDecilesSql(`arraySort(groupArrayIf((prompt_chars, n),
              aggregated = ${BY_LENGTH} AND is_mine AND NOT cur) OVER ())`)} AS length_bounds,
            ${histogramDecilesSql(`arraySort(groupArrayIf((assumeNotNull(quality_score), n),
              aggregated = ${BY_QUALITY} AND quality_score IS NOT NULL AND is_mine AND NOT cur) OVER ())`)} AS quality_bounds
          FROM (
            SELECT time > {curStart:DateTime64(6, 'UTC')} AS cur,
              ({driftWorkload:String} = '' OR workload_id = {driftWorkload:String}) AS is_mine,
              workload_id, language, prompt_chars, quality_score,
              grouping(workload_id, language, prompt_chars, quality_score) AS aggregated, count() AS n
            FROM (${source.sql})
            GROUP BY GROUPING SETS ((cur, workload_id), (cur, is_mine, language), (cur, is_mine, prompt_chars),
              (cur, is_mine, quality_score))
          )
        )
        -- The workload mix is the project's; the rest is the filtered workload's, quality where scored.
        WHERE aggregated = ${BY_WORKLOAD} OR (is_mine AND (aggregated != ${BY_QUALITY} OR quality_score IS NOT NULL))
      )
      GROUP BY dimension, bin
      UNION ALL
      SELECT 'signal_kind' AS dimension, toString(kind) AS bin,
        uniqExactIf(cityHash64(request_id, signal_id), time <= {curStart:DateTime64(6, 'UTC')}) AS n_baseline,
        uniqExactIf(cityHash64(request_id, signal_id), time > {curStart:DateTime64(6, 'UTC')}) AS n_current
      FROM signals
      WHERE project_id = {projectId:String}
        AND time > {baseStart:DateTime64(6, 'UTC')} AND time <= {asOf:DateTime64(6, 'UTC')}
        AND ({driftWorkload:String} = '' OR cityHash64(request_id) IN (
          SELECT cityHash64(request_id) FROM interaction_facts
          WHERE project_id = {projectId:String} AND workload_id = {driftWorkload:String}
            AND time > {baseStart:DateTime64(6, 'UTC')} - INTERVAL 1 DAY AND time <= {asOf:DateTime64(6, 'UTC')}))
      GROUP BY bin`,
    query_params: {
      ...source.params,
      projectId: w.projectId,
      driftWorkload: w.workload,
      baseStart: w.baseStart,
      curStart: w.curStart,
      asOf: w.asOf,
    },
    format: 'JSONEachRow',
  });
  return binCountsOf(await result.json<BinRow>());
}

/** A row of a bins statement: dimension, bin, n_baseline, n_current (counts as the engine's text). */
export interface BinRow {
  dimension: DriftDimension;
  bin: string;
  n_baseline: string;
  n_current: string;
}

export function binCountsOf(rows: BinRow[]): BinCounts[] {
  return rows.map((r) => ({
    dimension: r.dimension,
    bin: r.bin,
    baseline: Number(r.n_baseline),
    current: Number(r.n_current),
  }));
}

/**
 * Every interaction of the project in (baseStart, asOf] with `DRIFT_COLUMNS`, sealed days from the read
 * model under the given signal window (any window's seals hold every interaction once). The source's
 * `workload` param is '' (the workload mix is the project's): `driftBins` names its own `driftWorkload`.
 */
async function driftSource(
  client: ClickHouseClient,
  w: DriftWindows & { signalWindowHours: number },
): Promise<OutcomeSource> {
  const scope = {
    projectId: w.projectId,
    workload: '',
    from: addMicros(w.baseStart, 1n),
    to: addMicros(w.asOf, 1n),
    asOf: w.asOf,
    signalWindowHours: w.signalWindowHours,
  };
  const window = await interactionWindow(client, scope, DRIFT_COLUMNS);
  return { sql: window.sql, params: { ...scopeParams(scope), ...window.params } };
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
      WHERE {workload:String} = '' OR cityHash64(j.request_id) IN (
        -- Only the reviewed requests are looked up: a set of the workload's whole history cost seconds.
        -- Their hashes, from the narrow facts: the workload's ids are read whole, and a set of numbers
        -- is probed faster (a collision, about 1 in 10^8 here, would count another workload's review).
        SELECT cityHash64(request_id) FROM interaction_facts
        WHERE project_id = {projectId:String} AND workload_id = {workload:String}
          AND cityHash64(request_id) IN (
            SELECT cityHash64(request_id) FROM reviews
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
