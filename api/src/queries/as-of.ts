import { formatEventTime, type ClickHouseClient } from '@flywheel/storage';

/**
 * The project's latest event time (interactions or signals): the default "as of" for every evaluation,
 * so results depend on the data, never on the wall clock. Falls back to the epoch for an empty project.
 */
export async function latestEventTime(client: ClickHouseClient, projectId: string): Promise<string> {
  const result = await client.query({
    query: `
      SELECT toString(greatest(
        (SELECT max(time) FROM interactions WHERE project_id = {projectId:String}),
        (SELECT max(time) FROM signals WHERE project_id = {projectId:String})
      )) AS latest`,
    query_params: { projectId },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ latest: string }>();
  return row?.latest && !row.latest.startsWith('1970') ? row.latest : formatEventTime(0n);
}
