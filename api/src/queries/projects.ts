import type { ClickHouseClient } from '@flywheel/storage';

/** Projects that have stored interactions: the ones the alarm schedule evaluates. */
export async function projectsWithData(client: ClickHouseClient): Promise<string[]> {
  const result = await client.query({
    query: 'SELECT DISTINCT project_id AS p FROM interactions',
    format: 'JSONEachRow',
  });
  return (await result.json<{ p: string }>()).map((r) => r.p);
}
