import { randomUUID } from 'node:crypto';
import type { ClickHouseClient } from '@flywheel/storage';
import { latestEventTime } from '../queries/as-of';
import { currentCycles, writeCycle, type CycleState, type StoredCycle } from '../queries/cycles';
import { eventTimeToIso } from './time';

/** What a caller registers; times are DateTime64 text, absent fields keep the stored (or default) value. */
export interface CycleRegistration {
  /** Generated when absent; re-registering the same id updates the cycle. */
  id?: string | undefined;
  workloadId: string;
  modelVersion: string;
  parentVersion?: string | undefined;
  windowFrom: string;
  windowTo: string;
  status?: CycleState['status'] | undefined;
  deployedAt?: string | undefined;
  rolledBackAt?: string | undefined;
  notes?: string | undefined;
}

/** A change to a registered cycle; absent fields are kept. */
export type CycleChange = {
  [K in 'status' | 'deployedAt' | 'rolledBackAt' | 'parentVersion' | 'notes']?: NonNullable<CycleState[K]>;
};

/** A stored state in the API's form: ISO times, null for what is not set. */
export function cycleView(cycle: StoredCycle) {
  return {
    id: cycle.id,
    workloadId: cycle.workloadId,
    modelVersion: cycle.modelVersion,
    parentVersion: cycle.parentVersion || null,
    status: cycle.status,
    dataWindow: { from: eventTimeToIso(cycle.windowFrom), to: eventTimeToIso(cycle.windowTo) },
    deployedAt: cycle.deployedAt === null ? null : eventTimeToIso(cycle.deployedAt),
    rolledBackAt: cycle.rolledBackAt === null ? null : eventTimeToIso(cycle.rolledBackAt),
    notes: cycle.notes,
    version: cycle.version,
  };
}

/** Idempotent upsert by id: fields given replace the stored ones, absent ones are kept. */
export async function registerCycle(
  client: ClickHouseClient,
  projectId: string,
  r: CycleRegistration,
): Promise<StoredCycle> {
  const id = r.id ?? randomUUID();
  const [current] = await currentCycles(client, projectId, { ids: [id] });
  const next: CycleState = {
    id,
    workloadId: r.workloadId,
    modelVersion: r.modelVersion,
    parentVersion: r.parentVersion ?? current?.parentVersion ?? '',
    windowFrom: r.windowFrom,
    windowTo: r.windowTo,
    status: r.status ?? current?.status ?? 'collecting',
    deployedAt: r.deployedAt ?? current?.deployedAt ?? null,
    rolledBackAt: r.rolledBackAt ?? current?.rolledBackAt ?? null,
    notes: r.notes ?? current?.notes ?? '',
  };
  return save(client, projectId, next, current);
}

/** Applies a change to a registered cycle; null when the project has no such cycle. */
export async function changeCycle(
  client: ClickHouseClient,
  projectId: string,
  id: string,
  change: CycleChange,
): Promise<StoredCycle | null> {
  const [current] = await currentCycles(client, projectId, { ids: [id] });
  if (!current) return null;
  const { version: _v, writtenAt: _w, ...state } = current;
  const defined = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  return save(client, projectId, { ...state, ...defined }, current);
}

const same = (stored: StoredCycle, next: CycleState) =>
  (Object.keys(next) as Array<keyof CycleState>).every((k) => stored[k] === next[k]);

/**
 * Writes the state unless it equals the current one (so retries add no history). Moving to `deployed`
 * or `rolled_back` without a time stamps the project's latest event time: event time, not wall clock.
 */
async function save(
  client: ClickHouseClient,
  projectId: string,
  next: CycleState,
  current?: StoredCycle,
): Promise<StoredCycle> {
  if (
    (next.status === 'deployed' && !next.deployedAt) ||
    (next.status === 'rolled_back' && !next.rolledBackAt)
  ) {
    const latest = await latestEventTime(client, projectId);
    if (next.status === 'deployed') next.deployedAt = latest;
    else next.rolledBackAt = latest;
  }
  if (current && same(current, next)) return current;
  // Versions order writes; wall-clock microseconds keep them increasing across processes.
  const version = Math.max(Date.now() * 1000, (current?.version ?? 0) + 1);
  await writeCycle(client, projectId, next, version);
  return { ...next, version, writtenAt: '' };
}
