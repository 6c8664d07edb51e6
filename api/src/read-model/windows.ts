import type { ClickHouseClient } from '@flywheel/storage';
import { gateConfigFor } from '../analytics/gate-settings';
import { configuredWorkloads } from '../queries/gate-config';
import { signalWindowParam } from '../queries/outcomes';

/**
 * The signal windows a project's reads use: the project's gate configuration and each workload's with
 * a stored one. Outcomes depend on the window, so each is sealed apart; a read under any other window
 * (none stored) finds no seals and is read from raw rows.
 */
export async function signalWindowsOf(client: ClickHouseClient, projectId: string): Promise<number[]> {
  const workloads = new Set(['', ...(await configuredWorkloads(client, projectId))]);
  const configs = await Promise.all([...workloads].map((w) => gateConfigFor(client, projectId, w)));
  return [...new Set(configs.map((c) => signalWindowParam(c.signalWindowHours).signalWindowSeconds))].sort(
    (a, b) => a - b,
  );
}
