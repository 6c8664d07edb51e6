import type { ClickHouseClient } from '@flywheel/storage';

/**
 * Workloads with at least `minInteractions` interactions in [from, to), in workload order: one pass over
 * the window, so a detector that needs that many samples looks only at workloads that have them, not at
 * every workload the project has ever seen.
 */
export async function workloadsWithTraffic(
  client: ClickHouseClient,
  params: { projectId: string; from: string; to: string; minInteractions: number },
): Promise<string[]> {
  const result = await client.query({
    query: `
      SELECT workload_id AS workloadId
      FROM interactions FINAL
      WHERE project_id = {projectId:String}
        AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
      GROUP BY workload_id
      HAVING count() >= {minInteractions:UInt64}
      ORDER BY workload_id`,
    query_params: params,
    format: 'JSONEachRow',
  });
  return (await result.json<{ workloadId: string }>()).map((r) => r.workloadId);
}
