import type { ClickHouseClient } from '@flywheel/storage';
import {
  latestEvalScores,
  trainingVolumes,
  versionWindowCounts,
  type VersionWindow,
} from '../queries/cycle-metrics';
import { currentCycles, cycleHistory } from '../queries/cycles';
import { cycleReport, deltaWindows, offlineDelta, onlineDelta, type CycleReport } from './cycle-report';
import { cycleView } from './cycle-store';
import { gateConfigFor } from './gate-settings';
import { addDays, eventTimeToIso } from './time';

export interface CycleReportParams {
  projectId: string;
  /** '' for every workload. */
  workload: string;
  asOf: string;
  /** W of docs/design.md §6: days after (version) and before (parent) the deploy. */
  days: number;
  signalWindowHours: number;
}

/** Every cycle of the scope with its training volume, online and offline deltas and time to improvement. */
export async function cycleReports(
  client: ClickHouseClient,
  params: CycleReportParams,
): Promise<CycleReport[]> {
  const { projectId, workload, asOf, days } = params;
  const cycles = await currentCycles(client, projectId, workload ? { workload } : {});
  if (cycles.length === 0) return [];
  const arms = cycles.map((cycle) => deltaWindows(cycle, asOf, days));
  const windows: VersionWindow[] = arms.flatMap((pair) => pair ?? []);
  const [counts, volumes, evals] = await Promise.all([
    versionWindowCounts(client, { projectId, asOf, signalWindowHours: params.signalWindowHours, windows }),
    trainingVolumes(client, projectId, asOf),
    latestEvalScores(client, projectId, asOf),
  ]);
  const volumeByCycle = new Map(volumes.map((v) => [v.cycleId, v]));
  let next = 0;
  return cycles.map((cycle, i) => {
    let online = null;
    if (arms[i]) {
      const [version, parent] = [counts[next]!, counts[next + 1]!];
      next += 2;
      const closed = addDays(cycle.deployedAt!, days) <= asOf;
      online = onlineDelta(version, parent, closed);
    }
    const volume = volumeByCycle.get(cycle.id);
    return cycleReport(cycle, {
      ...(volume ? { volume } : {}),
      online,
      offline: offlineDelta(cycle, evals),
    });
  });
}

/** The cycles of a workload ('' = every workload), counted with its gate's signal window. */
export async function cycleList(
  client: ClickHouseClient,
  p: { projectId: string; workload: string; asOf: string; days: number },
) {
  const config = await gateConfigFor(client, p.projectId, p.workload);
  const items = await cycleReports(client, { ...p, signalWindowHours: config.signalWindowHours });
  return { asOf: eventTimeToIso(p.asOf), W: p.days, items };
}

/** One cycle's report and every state it went through, oldest first; null when the project has no such cycle. */
export async function cycleDetail(
  client: ClickHouseClient,
  p: { projectId: string; id: string; asOf: string; days: number },
) {
  const history = await cycleHistory(client, p.projectId, p.id);
  const current = history.at(-1);
  if (!current) return null;
  const { items } = await cycleList(client, { ...p, workload: current.workloadId });
  return {
    asOf: eventTimeToIso(p.asOf),
    W: p.days,
    cycle: items.find((r) => r.id === p.id) ?? null,
    history: history.map((h) => ({ ...cycleView(h), writtenAt: h.writtenAt })),
  };
}
