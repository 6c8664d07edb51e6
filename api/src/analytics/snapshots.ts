import type { ClickHouseClient } from '@flywheel/storage';
import { currentCycles } from '../queries/cycles';
import { createSnapshot } from '../queries/snapshot';
import { gateConfigFor } from './gate-settings';
import { addDays, daysBetween, eventTimeToIso } from './time';

/** docs/design.md §6: the data window must end at least this long before the snapshot is cut. */
export const DEFAULT_LAG_DAYS = 14;

/** What taking a snapshot came to: the snapshot, no such cycle, or a window too recent for the lag. */
export type SnapshotOutcome =
  | { kind: 'taken'; snapshot: Awaited<ReturnType<typeof freeze>> }
  | { kind: 'no_cycle' }
  | { kind: 'lag'; message: string };

/**
 * Freezes a cycle's training examples as of `at` (docs/design.md §6), refusing when the cycle's data
 * window ends less than `lagDays` before `at`: signals and reviews of its last days may still arrive.
 */
export async function takeSnapshot(
  client: ClickHouseClient,
  p: { projectId: string; cycleId: string; at: string; lagDays: number },
): Promise<SnapshotOutcome> {
  const [cycle] = await currentCycles(client, p.projectId, { ids: [p.cycleId] });
  if (!cycle) return { kind: 'no_cycle' };
  const message = lagViolation(`the data window of cycle ${p.cycleId}`, cycle.windowTo, p.at, p.lagDays);
  if (message) return { kind: 'lag', message };
  return { kind: 'taken', snapshot: await freeze(client, p, cycle) };
}

/**
 * The lag rule of every frozen dataset (a cycle snapshot, a training set): its data window must end at
 * least `lagDays` before the time it is cut, since signals and reviews of the window's last days may
 * still arrive. Null when the window keeps it, else why not (`what` names the window).
 */
export function lagViolation(what: string, windowTo: string, at: string, lagDays: number): string | null {
  const latestEnd = addDays(at, -lagDays);
  if (windowTo <= latestEnd) return null;
  const gap = daysBetween(windowTo, at);
  return (
    `${what} ends at ${eventTimeToIso(windowTo)}, ${gap.toFixed(1)} days before the snapshot time ${eventTimeToIso(at)}; ` +
    `the lag requires at least ${lagDays} days (a window ending by ${eventTimeToIso(latestEnd)}), so wait or pass a smaller lagDays`
  );
}

async function freeze(
  client: ClickHouseClient,
  p: { projectId: string; cycleId: string; at: string; lagDays: number },
  cycle: { workloadId: string; windowFrom: string; windowTo: string },
) {
  const id = `${p.cycleId}@${eventTimeToIso(p.at)}`;
  const counts = await createSnapshot(client, {
    projectId: p.projectId,
    cycleId: p.cycleId,
    datasetId: id,
    workload: cycle.workloadId,
    from: cycle.windowFrom,
    to: cycle.windowTo,
    at: p.at,
    lagDays: p.lagDays,
    config: await gateConfigFor(client, p.projectId, cycle.workloadId),
  });
  return {
    id,
    cycleId: p.cycleId,
    at: eventTimeToIso(p.at),
    lagDays: p.lagDays,
    dataWindow: { from: eventTimeToIso(cycle.windowFrom), to: eventTimeToIso(cycle.windowTo) },
    trainingVolume: counts,
  };
}
