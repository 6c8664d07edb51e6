import type { ClickHouseClient } from '@flywheel/storage';
import { latestEventTime } from '../queries/as-of';
import { versionExtents, type VersionExtent } from '../queries/data-meta';
import { eventTimeToIso } from './time';

/**
 * What data a project has: the newest event time (interactions or signals, the default asOf everywhere)
 * and its workloads, most traffic first, each with its versions, newest first.
 */
export async function dataMeta(client: ClickHouseClient, projectId: string) {
  const [extents, latest] = await Promise.all([
    versionExtents(client, projectId),
    latestEventTime(client, projectId),
  ]);
  const byWorkload = new Map<string, VersionExtent[]>();
  for (const e of extents) byWorkload.set(e.workloadId, [...(byWorkload.get(e.workloadId) ?? []), e]);
  const workloads = [...byWorkload.entries()].map(([workloadId, versions]) => {
    versions.sort(
      (a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.modelVersion.localeCompare(b.modelVersion),
    );
    return {
      workloadId,
      interactions: versions.reduce((n, v) => n + v.interactions, 0),
      lastSeen: eventTimeToIso(versions[0]!.lastSeen),
      versions: versions.map((v) => ({
        modelVersion: v.modelVersion,
        interactions: v.interactions,
        firstSeen: eventTimeToIso(v.firstSeen),
        lastSeen: eventTimeToIso(v.lastSeen),
      })),
    };
  });
  workloads.sort((a, b) => b.interactions - a.interactions || a.workloadId.localeCompare(b.workloadId));
  return {
    // An empty project has no latest event: `latestEventTime` falls back to the epoch.
    latestEventTime: extents.length > 0 || !latest.startsWith('1970') ? eventTimeToIso(latest) : null,
    workloads,
  };
}
