import type { ClickHouseClient } from '@flywheel/storage';
import { gateConfigFor } from '../analytics/gate-settings';
import { configuredWorkloads } from '../queries/gate-config';
import { gateKey } from './gate-key';
import type { GateScope } from './gate-seal';

/**
 * The gate configurations a project's reads use, as they are sealed: the project's own over every
 * workload (what a whole-project read applies), and each workload's stored one over that workload
 * where it differs. A read with thresholds of its own finds no seals and is computed from raw rows.
 */
export async function gateScopesOf(client: ClickHouseClient, projectId: string): Promise<GateScope[]> {
  const project = await gateConfigFor(client, projectId, '');
  const scopes: GateScope[] = [{ key: gateKey(project, ''), workload: '', config: project }];
  for (const workload of await configuredWorkloads(client, projectId)) {
    const config = await gateConfigFor(client, projectId, workload);
    if (gateKey(config, '') !== scopes[0]!.key)
      scopes.push({ key: gateKey(config, workload), workload, config });
  }
  return scopes;
}
