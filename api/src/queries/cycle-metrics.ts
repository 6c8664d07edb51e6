import type { ClickHouseClient } from '@flywheel/storage';
import { MEMBER_COUNTS_SQL } from './snapshot';
import { CUT_OUTCOME_ROWS_SQL, planParams, rawOutcomesSql, SEALED_OUTCOMES_SQL } from '../read-model/sources';
import { planReadCutAt } from '../read-model/split';
import { scopeParams } from './outcomes';

/** A slice of one workload's traffic served by one model version. Times are DateTime64 text. */
export interface VersionWindow {
  workload: string;
  version: string;
  from: string;
  to: string;
}

export interface WindowCounts {
  interactions: number;
  candidates: number;
  successes: number;
}

/**
 * Outcome counts for many version windows in one scan: each interaction is assigned to every window
 * it falls in (a deploy's "first W days" and its parent's "last W days" never overlap, but windows of
 * different cycles may). Sealed days come from the read model (`daily_outcomes`, per workload and
 * version), a sealed day a window boundary cuts from `outcome_rows`, the rest from raw rows.
 */
export async function versionWindowCounts(
  client: ClickHouseClient,
  params: { projectId: string; asOf: string; signalWindowHours: number; windows: VersionWindow[] },
): Promise<WindowCounts[]> {
  const { windows } = params;
  if (windows.length === 0) return [];
  const from = windows.map((w) => w.from).reduce((a, b) => (a < b ? a : b));
  const to = windows.map((w) => w.to).reduce((a, b) => (a > b ? a : b));
  const scope = {
    projectId: params.projectId,
    workload: '',
    from,
    to,
    asOf: params.asOf,
    signalWindowHours: params.signalWindowHours,
  };
  const plan = await planReadCutAt(
    client,
    scope,
    windows.flatMap((w) => [w.from, w.to]),
  );
  const inWindow = (
    time: string,
  ) => `workload_id = {wl:Array(String)}[k] AND model_version = {ver:Array(String)}[k]
    AND ${time} >= {st:Array(DateTime64(6, 'UTC'))}[k] AND ${time} < {en:Array(DateTime64(6, 'UTC'))}[k]`;
  const windowsOf = (time: string) =>
    `arrayJoin(arrayFilter(k -> ${inWindow(time)}, range(1, ${windows.length + 1})))`;
  const result = await client.query({
    query: `
      SELECT k, sum(c_interactions) AS n_interactions, sum(c_candidates) AS n_candidates,
        sum(c_successes) AS n_successes
      FROM (
        SELECT ${windowsOf("toDateTime64(day, 6, 'UTC')")} AS k, sum(interactions) AS c_interactions,
          sum(candidates) AS c_candidates, sum(successes) AS c_successes
        FROM (${SEALED_OUTCOMES_SQL})
        WHERE model_version IN {ver:Array(String)} AND workload_id IN {wl:Array(String)}
        GROUP BY k
        UNION ALL
        SELECT ${windowsOf('time')} AS k, count() AS c_interactions, countIf(outcome != 'unknown') AS c_candidates,
          countIf(outcome = 'success') AS c_successes
        FROM (${CUT_OUTCOME_ROWS_SQL})
        WHERE model_version IN {ver:Array(String)} AND workload_id IN {wl:Array(String)}
        GROUP BY k
        UNION ALL
        SELECT ${windowsOf('time')} AS k, count() AS c_interactions, countIf(outcome != 'unknown') AS c_candidates,
          countIf(outcome = 'success') AS c_successes
        FROM (${rawOutcomesSql(plan, ['workload_id', 'model_version'])})
        WHERE model_version IN {ver:Array(String)} AND workload_id IN {wl:Array(String)}
        GROUP BY k
      )
      GROUP BY k`,
    query_params: {
      ...scopeParams(scope),
      ...planParams(plan),
      wl: windows.map((w) => w.workload),
      ver: windows.map((w) => w.version),
      st: windows.map((w) => w.from),
      en: windows.map((w) => w.to),
    },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    k: number;
    n_interactions: string;
    n_candidates: string;
    n_successes: string;
  }>();
  const byWindow = new Map(rows.map((r) => [Number(r.k), r]));
  return windows.map((_, i) => {
    const row = byWindow.get(i + 1);
    return {
      interactions: Number(row?.n_interactions ?? 0),
      candidates: Number(row?.n_candidates ?? 0),
      successes: Number(row?.n_successes ?? 0),
    };
  });
}

export interface TrainingVolume {
  cycleId: string;
  datasetId: string;
  at: string;
  total: number;
  gold: number;
  gatePassed: number;
  correction: number;
  /** Median event time of the examples (DateTime64 text), null for an empty snapshot. */
  medianTime: string | null;
}

/** Examples in each cycle's latest snapshot cut at or before asOf, by source. */
export async function trainingVolumes(
  client: ClickHouseClient,
  projectId: string,
  asOf: string,
): Promise<TrainingVolume[]> {
  const result = await client.query({
    query: `
      WITH latest AS (
        SELECT cycle_id,
          argMax((dataset_id, members_counted, member_count, member_gold, member_gate_passed,
            member_corrections, member_median_time), (at, created_at)) AS l,
          max(at) AS latest_at
        FROM datasets FINAL
        WHERE project_id = {projectId:String} AND kind = 'snapshot' AND at <= {asOf:DateTime64(6, 'UTC')}
        GROUP BY cycle_id
      )
      -- A snapshot's row carries its members' counts (storage migration 0021); only one written before
      -- that has its members counted here.
      SELECT d.cycle_id AS cycle_id, d.l.1 AS dataset_id, toString(d.latest_at) AS snapshot_at,
        if(d.l.2, d.l.3, m.n_total) AS total, if(d.l.2, d.l.4, m.n_gold) AS gold,
        if(d.l.2, d.l.5, m.n_gate_passed) AS gate_passed, if(d.l.2, d.l.6, m.n_correction) AS correction,
        toString(if(d.l.2, d.l.7, m.median_time)) AS median
      FROM latest AS d
      LEFT JOIN (
        SELECT dataset_id, ${MEMBER_COUNTS_SQL}
        FROM dataset_members FINAL
        WHERE project_id = {projectId:String} AND dataset_id IN (SELECT l.1 FROM latest WHERE NOT l.2)
        GROUP BY dataset_id
      ) AS m ON m.dataset_id = d.l.1`,
    query_params: { projectId, asOf },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    cycle_id: string;
    dataset_id: string;
    snapshot_at: string;
    total: string;
    gold: string;
    gate_passed: string;
    correction: string;
    median: string | null;
  }>();
  return rows.map((r) => ({
    cycleId: r.cycle_id,
    datasetId: r.dataset_id,
    at: r.snapshot_at,
    total: Number(r.total),
    gold: Number(r.gold),
    gatePassed: Number(r.gate_passed),
    correction: Number(r.correction),
    medianTime: r.median,
  }));
}

export interface EvalScore {
  workloadId: string;
  modelVersion: string;
  goldenSet: string;
  score: number;
  time: string;
}

/** The latest score of each (workload, version, golden set) at or before asOf. */
export async function latestEvalScores(
  client: ClickHouseClient,
  projectId: string,
  asOf: string,
): Promise<EvalScore[]> {
  const result = await client.query({
    query: `
      SELECT workload_id, model_version, golden_set, argMax(score, time) AS latest_score,
        toString(max(time)) AS latest_time
      FROM evals FINAL
      WHERE project_id = {projectId:String} AND time <= {asOf:DateTime64(6, 'UTC')}
      GROUP BY workload_id, model_version, golden_set`,
    query_params: { projectId, asOf },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    workload_id: string;
    model_version: string;
    golden_set: string;
    latest_score: number;
    latest_time: string;
  }>();
  return rows.map((r) => ({
    workloadId: r.workload_id,
    modelVersion: r.model_version,
    goldenSet: r.golden_set,
    score: r.latest_score,
    time: r.latest_time,
  }));
}
