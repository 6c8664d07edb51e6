import type { ClickHouseClient } from '@flywheel/storage';

export interface VersionSpan {
  workloadId: string;
  modelVersion: string;
  /** DateTime64 text: the first and last event times at which the version served the workload. */
  firstSeen: string;
  lastSeen: string;
  interactions: number;
}

/** When each version first and last served each workload, up to `asOf`. */
export async function versionSpans(
  client: ClickHouseClient,
  projectId: string,
  asOf: string,
): Promise<VersionSpan[]> {
  const result = await client.query({
    query: `
      SELECT workload_id AS workloadId, model_version AS modelVersion,
             toString(min(time)) AS firstSeen, toString(max(time)) AS lastSeen, count() AS interactions
      FROM interactions FINAL
      WHERE project_id = {projectId:String} AND time <= {asOf:DateTime64(6, 'UTC')}
      GROUP BY workload_id, model_version
      ORDER BY workload_id, firstSeen`,
    query_params: { projectId, asOf },
    format: 'JSONEachRow',
  });
  const rows = await result.json<Omit<VersionSpan, 'interactions'> & { interactions: string }>();
  return rows.map((r) => ({ ...r, interactions: Number(r.interactions) }));
}

/** Interactions per version of a workload in [from, to): who served the traffic then. */
export async function versionTraffic(
  client: ClickHouseClient,
  params: { projectId: string; workload: string; from: string; to: string },
): Promise<Array<{ modelVersion: string; interactions: number }>> {
  const result = await client.query({
    query: `
      SELECT model_version AS modelVersion, count() AS interactions
      FROM interactions FINAL
      WHERE project_id = {projectId:String} AND workload_id = {workload:String}
        AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
      GROUP BY model_version
      ORDER BY interactions DESC, modelVersion`,
    query_params: params,
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ modelVersion: string; interactions: string }>();
  return rows.map((r) => ({ modelVersion: r.modelVersion, interactions: Number(r.interactions) }));
}

export interface CycleDeploy {
  workloadId: string;
  modelVersion: string;
  parentVersion: string;
  deployedAt: string;
  rolledBackAt: string | null;
}

/** Deploys registered through the cycles API (each cycle's newest state), known by `asOf`. */
export async function cycleDeploys(
  client: ClickHouseClient,
  projectId: string,
  asOf: string,
): Promise<CycleDeploy[]> {
  const result = await client.query({
    query: `
      SELECT workloadId, modelVersion, parentVersion, toString(deployed) AS deployedAt,
             if(rolledBack IS NOT NULL AND rolledBack <= {asOf:DateTime64(6, 'UTC')}, toString(rolledBack), NULL) AS rolledBackAt
      FROM (
        SELECT cycle_id, argMax(workload_id, version) AS workloadId, argMax(model_version, version) AS modelVersion,
               argMax(parent_version, version) AS parentVersion, argMax(deployed_at, version) AS deployed,
               argMax(rolled_back_at, version) AS rolledBack
        FROM cycles
        WHERE project_id = {projectId:String}
        GROUP BY cycle_id
      )
      WHERE deployed IS NOT NULL AND deployed <= {asOf:DateTime64(6, 'UTC')}`,
    query_params: { projectId, asOf },
    format: 'JSONEachRow',
  });
  return result.json<CycleDeploy>();
}
