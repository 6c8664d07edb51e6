import type { ClickHouseClient } from '@flywheel/storage';

/** The newest alert configuration stored through the API for a project, as stored (JSON). */
export async function latestAlertConfig(
  client: ClickHouseClient,
  projectId: string,
): Promise<unknown | undefined> {
  const result = await client.query({
    query: `SELECT config FROM alert_configs FINAL WHERE project_id = {projectId:String} ORDER BY version DESC LIMIT 1`,
    query_params: { projectId },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ config: string }>();
  return row ? (JSON.parse(row.config) as unknown) : undefined;
}

export async function insertAlertConfig(
  client: ClickHouseClient,
  projectId: string,
  config: unknown,
): Promise<void> {
  await client.insert({
    table: 'alert_configs',
    values: [{ project_id: projectId, version: Date.now(), config: JSON.stringify(config) }],
    format: 'JSONEachRow',
  });
}
