import type { ClickHouseClient } from '@flywheel/storage';
import { gateQueryParams, GATED_INTERACTIONS_SQL, type GateConfig } from './gate';
import { REVIEWS_BY_REQUEST_SQL } from './labels';

export interface SnapshotParams {
  projectId: string;
  cycleId: string;
  datasetId: string;
  workload: string;
  /** The cycle's data window, DateTime64 text, [from, to). */
  from: string;
  to: string;
  /** Snapshot time: gate verdicts, signals and reviews as known then. */
  at: string;
  lagDays: number;
  config: GateConfig;
}

export interface SnapshotCounts {
  total: number;
  gold: number;
  gatePassed: number;
  correction: number;
}

/**
 * SQL: the counts of a snapshot's members by source and their median event time (DateTime64, NULL
 * when there are none), over `dataset_members` rows of one dataset grouped or filtered by the caller.
 * Columns: n_total, n_gold, n_gate_passed, n_correction, median_time.
 */
export const MEMBER_COUNTS_SQL = `
  count() AS n_total, countIf(source = 'gold') AS n_gold, countIf(source = 'gate_passed') AS n_gate_passed,
  countIf(source = 'correction') AS n_correction,
  if(n_total = 0, NULL,
    fromUnixTimestamp64Micro(toInt64(quantileExact(0.5)(toUnixTimestamp64Micro(time))), 'UTC')) AS median_time`;

/**
 * Freezes a cycle's training examples (docs/design.md §6): the interactions of its data window that are gold
 * (reviewed, every label passing) or passed the gate and were not failed by a reviewer. Each member gets
 * one source: gold, else correction (the deciding signal is a correction), else gate_passed. Members
 * are written before the dataset row, so a dataset that is visible is complete.
 */
export async function createSnapshot(
  client: ClickHouseClient,
  params: SnapshotParams,
): Promise<SnapshotCounts> {
  const query_params = {
    projectId: params.projectId,
    workload: params.workload,
    to: params.to,
    asOf: params.at,
    from: params.from,
    datasetId: params.datasetId,
    ...gateQueryParams(params.config),
  };
  await client.command({
    query: `
      INSERT INTO dataset_members (project_id, dataset_id, request_id, source, workload_id, time)
      SELECT {projectId:String}, {datasetId:String}, g.request_id,
        multiIf(r.reviewed AND r.gold, 'gold', g.deciding_kind = 'corrected', 'correction', 'gate_passed'),
        g.workload_id, g.time
      FROM (${GATED_INTERACTIONS_SQL}) AS g
      LEFT JOIN (${REVIEWS_BY_REQUEST_SQL}) AS r ON r.request_id = g.request_id
      WHERE g.time >= {from:DateTime64(6, 'UTC')}
        AND ((r.reviewed AND r.gold) OR (g.evaluated AND g.gate_passed AND NOT r.reviewed))`,
    query_params,
  });
  // The members are final once written: their counts go into the dataset's row, where the cycles'
  // training volumes read them (storage migration 0021).
  const result = await client.query({
    query: `
      SELECT ${MEMBER_COUNTS_SQL}
      FROM dataset_members FINAL
      WHERE project_id = {projectId:String} AND dataset_id = {datasetId:String}`,
    query_params: { projectId: params.projectId, datasetId: params.datasetId },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{
    n_total: string;
    n_gold: string;
    n_gate_passed: string;
    n_correction: string;
    median_time: string | null;
  }>();
  const counts = {
    total: Number(row?.n_total ?? 0),
    gold: Number(row?.n_gold ?? 0),
    gatePassed: Number(row?.n_gate_passed ?? 0),
    correction: Number(row?.n_correction ?? 0),
  };
  await client.insert({
    table: 'datasets',
    values: [
      {
        project_id: params.projectId,
        dataset_id: params.datasetId,
        kind: 'snapshot',
        cycle_id: params.cycleId,
        workload_id: params.workload,
        window_from: params.from,
        window_to: params.to,
        at: params.at,
        lag_days: params.lagDays,
        members_counted: true,
        member_count: counts.total,
        member_gold: counts.gold,
        member_gate_passed: counts.gatePassed,
        member_corrections: counts.correction,
        member_median_time: row?.median_time ?? null,
      },
    ],
    format: 'JSONEachRow',
  });
  return counts;
}
