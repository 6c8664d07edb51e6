import type { ClickHouseClient } from '@flywheel/storage';
import { GATED_INTERACTIONS_SQL, gateQueryParams, type GateConfig } from './gate';

/** Two (or more) versions of one workload over one window [from, to). Times are DateTime64 text. */
export interface VersionsWindow {
  projectId: string;
  workload: string;
  versions: string[];
  from: string;
  to: string;
}

export interface Spread {
  p50: number;
  p95: number;
  mean: number;
}

export interface VersionShape {
  modelVersion: string;
  latencyMs: Spread;
  responseWords: Spread;
}

const params = (w: VersionsWindow) => ({
  projectId: w.projectId,
  workload: w.workload,
  versions: w.versions,
  from: w.from,
  to: w.to,
});

// SQL over `interaction_facts`: the interactions of the window's versions, each once (a re-delivery not
// merged yet shares its key).
const WINDOW_FACTS_SQL = `
  SELECT request_id, model_version, latency_ms, response_words FROM interaction_facts
  WHERE project_id = {projectId:String} AND workload_id = {workload:String}
    AND model_version IN {versions:Array(String)}
    AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
  LIMIT 1 BY time, trace_id, span_id`;

/** Latency and response length per version (quantiles by the engine, over the narrow facts). */
export async function versionShapes(client: ClickHouseClient, w: VersionsWindow): Promise<VersionShape[]> {
  const result = await client.query({
    query: `
      SELECT model_version AS modelVersion,
        quantilesExact(0.5, 0.95)(latency_ms) AS latency_q, avg(latency_ms) AS latency_mean,
        quantilesExact(0.5, 0.95)(response_words) AS words_q, avg(response_words) AS words_mean
      FROM (${WINDOW_FACTS_SQL})
      GROUP BY model_version`,
    query_params: params(w),
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    modelVersion: string;
    latency_q: number[];
    latency_mean: number;
    words_q: number[];
    words_mean: number;
  }>();
  return rows.map((r) => ({
    modelVersion: r.modelVersion,
    latencyMs: { p50: Number(r.latency_q[0]), p95: Number(r.latency_q[1]), mean: Number(r.latency_mean) },
    responseWords: { p50: Number(r.words_q[0]), p95: Number(r.words_q[1]), mean: Number(r.words_mean) },
  }));
}

export interface VersionSignalCount {
  modelVersion: string;
  kind: string;
  explicit: number;
  implicit: number;
}

/**
 * Signals on each version's interactions of the window, per kind, known at asOf: what users did with
 * each version's answers (each signal once, by its id).
 */
export async function versionSignalCounts(
  client: ClickHouseClient,
  w: VersionsWindow & { asOf: string },
): Promise<VersionSignalCount[]> {
  const result = await client.query({
    query: `
      SELECT v.model_version AS modelVersion, s.kind AS signal_kind,
        countIf(s.explicit) AS n_explicit, countIf(NOT s.explicit) AS n_implicit
      FROM (
        SELECT request_id, kind, explicit FROM signals
        WHERE project_id = {projectId:String} AND time <= {asOf:DateTime64(6, 'UTC')}
          AND request_id IN (SELECT request_id FROM (${WINDOW_FACTS_SQL}))
        LIMIT 1 BY request_id, signal_id
      ) AS s
      INNER JOIN (SELECT DISTINCT request_id, model_version FROM (${WINDOW_FACTS_SQL})) AS v
        ON v.request_id = s.request_id
      GROUP BY modelVersion, signal_kind`,
    query_params: { ...params(w), asOf: w.asOf },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    modelVersion: string;
    signal_kind: string;
    n_explicit: string;
    n_implicit: string;
  }>();
  return rows.map((r) => ({
    modelVersion: r.modelVersion,
    kind: r.signal_kind,
    explicit: Number(r.n_explicit),
    implicit: Number(r.n_implicit),
  }));
}

export interface VersionGate {
  modelVersion: string;
  evaluated: number;
  passed: number;
}

/**
 * The gate's verdicts on each version's interactions of the window, as of asOf, with the workload's
 * configuration: the gate's one definition (`GATED_INTERACTIONS_SQL`) grouped by version.
 */
export async function versionGates(
  client: ClickHouseClient,
  w: VersionsWindow & { asOf: string; config: GateConfig },
): Promise<VersionGate[]> {
  const result = await client.query({
    query: `
      SELECT model_version AS modelVersion, countIf(evaluated) AS n_evaluated,
        countIf(evaluated AND gate_passed) AS n_passed
      FROM (${GATED_INTERACTIONS_SQL})
      WHERE model_version IN {versions:Array(String)} AND time >= {from:DateTime64(6, 'UTC')}
      GROUP BY model_version`,
    query_params: { ...params(w), asOf: w.asOf, ...gateQueryParams(w.config) },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ modelVersion: string; n_evaluated: string; n_passed: string }>();
  return rows.map((r) => ({
    modelVersion: r.modelVersion,
    evaluated: Number(r.n_evaluated),
    passed: Number(r.n_passed),
  }));
}
