import type { ClickHouseClient } from '@flywheel/storage';
import type { GateConfig } from '../queries/gate';
import { gateConfigHistory } from '../queries/gate-config';
import { effectiveGateConfig } from '../routes/gate';

/**
 * The gate configuration in force for a workload ('' = the project's default). Analytics use its
 * signal window too, so success rates and gate verdicts count the same signals.
 */
export async function gateConfigFor(
  client: ClickHouseClient,
  projectId: string,
  workload: string,
): Promise<GateConfig> {
  const history = await gateConfigHistory(client, projectId, workload);
  return effectiveGateConfig(history, workload, {});
}
