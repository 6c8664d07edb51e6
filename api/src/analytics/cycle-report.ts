import type { StoredCycle } from '../queries/cycles';
import type { EvalScore, TrainingVolume, VersionWindow, WindowCounts } from '../queries/cycle-metrics';
import { newcombeDifference } from '../stats/newcombe';
import { addDays, daysBetween, eventTimeToIso } from './time';

/** docs/design.md §6: a cycle is healthy when it adds +2 to +5 points of success rate. */
export const HEALTHY_BAND = { min: 0.02, max: 0.05 } as const;

export interface OnlineDelta {
  /** Success rate of the version in its first W days minus the parent's in its last W days. */
  delta: number;
  ci: [number, number];
  significant: boolean;
  /** Interactions with a known outcome in each arm. */
  n: { version: number; parent: number };
  successRate: { version: number; parent: number };
  /** The version's W days after the deploy have passed by asOf (before that the arm is partial). */
  windowClosed: boolean;
}

export interface CycleReport {
  id: string;
  workloadId: string;
  modelVersion: string;
  parentVersion: string | null;
  status: StoredCycle['status'];
  dataWindow: { from: string; to: string };
  deployedAt: string | null;
  rolledBackAt: string | null;
  notes: string;
  trainingVolume: { total: number; gold: number; gatePassed: number; correction: number };
  snapshot: { id: string; at: string } | null;
  onlineDelta: OnlineDelta | null;
  offlineDelta: number | null;
  timeToImprovementDays: number | null;
  inHealthyBand: boolean | null;
}

/** The two arms of a deployed cycle with a parent: version after the deploy, parent before it. */
export function deltaWindows(
  cycle: StoredCycle,
  asOf: string,
  days: number,
): [VersionWindow, VersionWindow] | null {
  if (!cycle.deployedAt || !cycle.parentVersion || cycle.deployedAt > asOf) return null;
  return [
    {
      workload: cycle.workloadId,
      version: cycle.modelVersion,
      from: cycle.deployedAt,
      to: addDays(cycle.deployedAt, days),
    },
    {
      workload: cycle.workloadId,
      version: cycle.parentVersion,
      from: addDays(cycle.deployedAt, -days),
      to: cycle.deployedAt,
    },
  ];
}

export function onlineDelta(
  version: WindowCounts,
  parent: WindowCounts,
  windowClosed: boolean,
): OnlineDelta | null {
  const diff = newcombeDifference(version.successes, version.candidates, parent.successes, parent.candidates);
  if (!diff) return null;
  return {
    ...diff,
    n: { version: version.candidates, parent: parent.candidates },
    successRate: {
      version: version.successes / version.candidates,
      parent: parent.successes / parent.candidates,
    },
    windowClosed,
  };
}

/**
 * Offline delta: the version's golden-set score minus the parent's on the same set. Evals recorded for
 * the cycle's workload or for no workload count; with several shared golden sets, the mean difference.
 */
export function offlineDelta(cycle: StoredCycle, evals: EvalScore[]): number | null {
  if (!cycle.parentVersion) return null;
  const scores = (version: string) => {
    const byWorkload = new Map<string, EvalScore>();
    for (const e of evals) {
      if (e.modelVersion !== version || (e.workloadId !== '' && e.workloadId !== cycle.workloadId)) continue;
      // A workload-specific result beats a workload-less one for the same set; then the latest.
      const current = byWorkload.get(e.goldenSet);
      const better =
        !current ||
        (e.workloadId !== '' && current.workloadId === '') ||
        (e.workloadId === current.workloadId && e.time > current.time);
      if (better) byWorkload.set(e.goldenSet, e);
    }
    return byWorkload;
  };
  const mine = scores(cycle.modelVersion);
  const parents = scores(cycle.parentVersion);
  const shared = [...mine.keys()].filter((set) => parents.has(set));
  if (shared.length === 0) return null;
  return shared.reduce((sum, set) => sum + mine.get(set)!.score - parents.get(set)!.score, 0) / shared.length;
}

export function cycleReport(
  cycle: StoredCycle,
  parts: { volume?: TrainingVolume; online: OnlineDelta | null; offline: number | null },
): CycleReport {
  const { volume, online, offline } = parts;
  const iso = (t: string | null) => (t === null ? null : eventTimeToIso(t));
  const tti =
    cycle.deployedAt && volume?.medianTime ? daysBetween(volume.medianTime, cycle.deployedAt) : null;
  return {
    id: cycle.id,
    workloadId: cycle.workloadId,
    modelVersion: cycle.modelVersion,
    parentVersion: cycle.parentVersion || null,
    status: cycle.status,
    dataWindow: { from: eventTimeToIso(cycle.windowFrom), to: eventTimeToIso(cycle.windowTo) },
    deployedAt: iso(cycle.deployedAt),
    rolledBackAt: iso(cycle.rolledBackAt),
    notes: cycle.notes,
    trainingVolume: {
      total: volume?.total ?? 0,
      gold: volume?.gold ?? 0,
      gatePassed: volume?.gatePassed ?? 0,
      correction: volume?.correction ?? 0,
    },
    snapshot: volume ? { id: volume.datasetId, at: eventTimeToIso(volume.at) } : null,
    onlineDelta: online,
    offlineDelta: offline,
    timeToImprovementDays: tti,
    inHealthyBand: online ? online.delta >= HEALTHY_BAND.min && online.delta <= HEALTHY_BAND.max : null,
  };
}
