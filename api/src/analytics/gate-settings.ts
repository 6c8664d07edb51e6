import type { ClickHouseClient } from '@flywheel/storage';
import { DEFAULT_GATE_CONFIG, type GateConfig } from '../queries/gate';
import { gateConfigHistory, insertGateConfig, type StoredGateConfig } from '../queries/gate-config';

/** Defaults, then the project's stored configuration, then the workload's, then the request's overrides. */
export function effectiveGateConfig(
  history: StoredGateConfig[],
  workload: string,
  overrides: Partial<GateConfig>,
): GateConfig {
  const latest = (w: string) => history.find((h) => h.workloadId === w)?.config ?? {};
  return { ...DEFAULT_GATE_CONFIG, ...latest(''), ...(workload ? latest(workload) : {}), ...overrides };
}

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

/** The configuration in force and every stored version behind it, newest first. */
export async function gateSettings(client: ClickHouseClient, projectId: string, workload: string) {
  const history = await gateConfigHistory(client, projectId, workload);
  return {
    workload: workload || null,
    config: effectiveGateConfig(history, workload, {}),
    history: history.map(({ workloadId, version, config, createdAt }) => ({
      workload: workloadId || null,
      version,
      config,
      createdAt,
    })),
  };
}

/** Stores a new version of the workload's ('' = the project's) overrides; returns what is now in force. */
export async function saveGateConfig(
  client: ClickHouseClient,
  projectId: string,
  workload: string,
  config: Partial<GateConfig>,
) {
  // Versions are ordered by when they were saved; a configuration change is not event-time data.
  const version = Date.now();
  await insertGateConfig(client, { projectId, workloadId: workload, version, config });
  const history = await gateConfigHistory(client, projectId, workload);
  return { workload: workload || null, version, config: effectiveGateConfig(history, workload, {}) };
}
