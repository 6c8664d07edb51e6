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
      },
    ],
    format: 'JSONEachRow',
  });
  const result = await client.query({
    query: `
      SELECT count() AS n_total, countIf(source = 'gold') AS n_gold, countIf(source = 'gate_passed') AS n_gate,
        countIf(source = 'correction') AS n_correction
      FROM dataset_members FINAL
      WHERE project_id = {projectId:String} AND dataset_id = {datasetId:String}`,
    query_params: { projectId: params.projectId, datasetId: params.datasetId },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{
    n_total: string;
    n_gold: string;
    n_gate: string;
    n_correction: string;
  }>();
  return {
    total: Number(row?.n_total ?? 0),
    gold: Number(row?.n_gold ?? 0),
    gatePassed: Number(row?.n_gate ?? 0),
    correction: Number(row?.n_correction ?? 0),
  };
}
