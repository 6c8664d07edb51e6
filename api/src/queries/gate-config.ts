import type { ClickHouseClient } from '@flywheel/storage';
import type { GateConfig } from './gate';

export interface StoredGateConfig {
  workloadId: string;
  version: number;
  config: Partial<GateConfig>;
  createdAt: string;
}

/** Stores a new version of a workload's ('' = the project's) gate configuration. */
export async function insertGateConfig(
  client: ClickHouseClient,
  row: { projectId: string; workloadId: string; version: number; config: Partial<GateConfig> },
): Promise<void> {
  await client.insert({
    table: 'gate_configs',
    values: [
      {
        project_id: row.projectId,
        workload_id: row.workloadId,
        version: row.version,
        config: JSON.stringify(row.config),
      },
    ],
    format: 'JSONEachRow',
  });
}

/** Every stored version for the project default and, when given, the workload; newest first. */
export async function gateConfigHistory(
  client: ClickHouseClient,
  projectId: string,
  workload: string,
): Promise<StoredGateConfig[]> {
  return historyOf(await projectGateConfigs(client, projectId), workload);
}

/**
 * Every stored version of the project's configurations, the default's and every workload's; newest
 * first. A reader that needs several workloads' histories reads them once (`historyOf`, `ownWorkloads`).
 */
export async function projectGateConfigs(
  client: ClickHouseClient,
  projectId: string,
): Promise<StoredGateConfig[]> {
  const result = await client.query({
    query: `
      SELECT workload_id AS workloadId, version, config, toString(created_at) AS createdAt
      FROM gate_configs FINAL
      WHERE project_id = {projectId:String}
      ORDER BY version DESC`,
    query_params: { projectId },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    workloadId: string;
    version: string;
    config: string;
    createdAt: string;
  }>();
  return rows.map((r) => ({
    ...r,
    version: Number(r.version),
    config: JSON.parse(r.config) as Partial<GateConfig>,
  }));
}

/** `gateConfigHistory` of one workload ('' = the default alone), from the project's configurations. */
export function historyOf(configs: readonly StoredGateConfig[], workload: string): StoredGateConfig[] {
  return configs.filter((c) => c.workloadId === '' || c.workloadId === workload);
}

/** `configuredWorkloads`, from the project's configurations. */
export function ownWorkloads(configs: readonly StoredGateConfig[]): string[] {
  return [...new Set(configs.map((c) => c.workloadId).filter((w) => w !== ''))].sort();
}

/** The workloads of a project with a stored gate configuration of their own. */
export async function configuredWorkloads(client: ClickHouseClient, projectId: string): Promise<string[]> {
  const result = await client.query({
    query: `SELECT DISTINCT workload_id AS w FROM gate_configs WHERE project_id = {projectId:String} AND workload_id != ''`,
    query_params: { projectId },
    format: 'JSONEachRow',
  });
  return (await result.json<{ w: string }>()).map((r) => r.w).sort();
}
