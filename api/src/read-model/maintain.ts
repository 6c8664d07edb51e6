import type { ClickHouseClient } from '@flywheel/storage';
import { latestEventTime } from '../queries/as-of';
import { projectsWithData } from '../queries/projects';
import { daysToSeal } from './seals';
import { eventTimeToMicros, MICROS_PER_DAY } from '../analytics/time';
import { signalWindowParam } from '../queries/outcomes';
import { gateScopesOf } from './gate-scopes';
import { sealGateDays, type GateScope } from './gate-seal';
import { gatePrefix } from './gate-seals';
import { sealDays } from './seal';
import { signalWindowsOf } from './windows';

/**
 * Days sealed per statement: bounds the memory of one seal (the outcome rule joins a batch's signals
 * to its interactions) while keeping statements few during a catch-up.
 */
export const SEAL_BATCH_DAYS = 7;

export interface MaintenanceResult {
  /** Days sealed (or sealed again), over every project and window. */
  sealedDays: number;
  /** Interactions (raw rows, duplicates included) on those days. */
  interactions: number;
  /** Days whose gate verdicts were sealed (or sealed again), over every project and gate scope. */
  gateDays: number;
}

/**
 * Brings the read model up to date: for every project and signal window, seals each day whose window
 * has closed by the project's latest event time and that has no current seal — after a restart, on an
 * existing data directory, after a backfill or late signals alike. Idempotent; safe to run any time.
 */
export async function maintainReadModel(
  client: ClickHouseClient,
  projects?: readonly string[],
): Promise<MaintenanceResult> {
  const result: MaintenanceResult = { sealedDays: 0, interactions: 0, gateDays: 0 };
  for (const projectId of projects ?? (await projectsWithData(client))) {
    const horizon = await latestEventTime(client, projectId);
    for (const window of await signalWindowsOf(client, projectId)) {
      const days = await daysToSeal(client, projectId, window, horizon);
      for (let i = 0; i < days.length; i += SEAL_BATCH_DAYS) {
        const batch = days.slice(i, i + SEAL_BATCH_DAYS);
        result.interactions += await sealDays(client, projectId, window, batch);
        result.sealedDays += batch.length;
      }
    }
    for (const scope of await gateScopesOf(client, projectId))
      result.gateDays += await maintainGate(client, projectId, scope, horizon);
  }
  return result;
}

/**
 * Seals a gate scope's days in event-time order after its sealed prefix, each batch with the prefix
 * before it as history, up to the last day whose window has closed by `horizon`. Returns the days sealed.
 */
async function maintainGate(
  client: ClickHouseClient,
  projectId: string,
  scope: GateScope,
  horizon: string,
): Promise<number> {
  const windowSeconds = signalWindowParam(scope.config.signalWindowHours).signalWindowSeconds;
  const { sealed, unsealed } = await gatePrefix(client, projectId, scope.key, windowSeconds);
  const closedBefore = eventTimeToMicros(horizon) - BigInt(windowSeconds) * 1_000_000n;
  const due = unsealed.filter(
    (d) => eventTimeToMicros(`${d.day} 00:00:00.000000`) + MICROS_PER_DAY <= closedBefore,
  );
  const history = [...sealed];
  for (let i = 0; i < due.length; i += SEAL_BATCH_DAYS)
    history.push(
      ...(await sealGateDays(client, projectId, scope, history, due.slice(i, i + SEAL_BATCH_DAYS))),
    );
  return due.length;
}
