import type { ClickHouseClient } from '@flywheel/storage';

export interface VersionExtent {
  workloadId: string;
  modelVersion: string;
  interactions: number;
  /** DateTime64 text. */
  firstSeen: string;
  lastSeen: string;
}

/**
 * Interactions per workload and model version with their first and last event time, from the narrow
 * `interaction_facts` (no text, no FINAL: a re-delivery not merged yet shares its key and is counted once).
 */
export async function versionExtents(client: ClickHouseClient, projectId: string): Promise<VersionExtent[]> {
  const result = await client.query({
    query: `
      SELECT workload_id AS workloadId, model_version AS modelVersion,
        uniqExact(time, trace_id, span_id) AS n_interactions,
        toString(min(time)) AS first_seen, toString(max(time)) AS last_seen
      FROM interaction_facts
      WHERE project_id = {projectId:String}
      GROUP BY workload_id, model_version`,
    query_params: { projectId },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    workloadId: string;
    modelVersion: string;
    n_interactions: string;
    first_seen: string;
    last_seen: string;
  }>();
  return rows.map((r) => ({
    workloadId: r.workloadId,
    modelVersion: r.modelVersion,
    interactions: Number(r.n_interactions),
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  }));
}
