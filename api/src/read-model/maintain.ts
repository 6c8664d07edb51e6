import type { ClickHouseClient } from '@flywheel/storage';
import { latestEventTime } from '../queries/as-of';
import { projectsWithData } from '../queries/projects';
import { daysToSeal } from './seals';
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
  const result: MaintenanceResult = { sealedDays: 0, interactions: 0 };
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
  }
  return result;
}
