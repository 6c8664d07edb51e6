import type { SimulationPlan, VersionSpec } from './types';

export const DAY_MS = 86_400_000;

/** Epoch milliseconds of `hour` on day `day` of the plan. */
export function dayTime(plan: Pick<SimulationPlan, 'start'>, day: number, hour = 0): number {
  return Date.parse(plan.start) + day * DAY_MS + hour * 3_600_000;
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

interface Switch {
  atMs: number;
  version: VersionSpec;
}

/**
 * Which version serves each workload at any moment. Traffic switches at the deploy (and back to the
 * parent at a rollback), never gradually: the version's accuracy is then exactly what its traffic shows.
 */
export class VersionTimeline {
  private readonly switches = new Map<string, Switch[]>();

  constructor(plan: SimulationPlan) {
    const byName = new Map(plan.versions.map((v) => [`${v.workloadId}\u0000${v.version}`, v]));
    for (const workload of plan.workloads) {
      const versions = plan.versions.filter((v) => v.workloadId === workload.id);
      const base = versions.filter((v) => v.deployDay === null);
      if (base.length !== 1) {
        throw new Error(
          `workload ${workload.id} needs exactly one version serving from day 0, has ${base.length}`,
        );
      }
      const list: Switch[] = [{ atMs: Number.NEGATIVE_INFINITY, version: base[0]! }];
      for (const v of versions) {
        if (v.deployDay === null || v.fate === 'rejected') continue;
        list.push({ atMs: dayTime(plan, v.deployDay, plan.deployHour), version: v });
        if (v.rollbackDay !== null) {
          const parent = v.parent === null ? undefined : byName.get(`${v.workloadId}\u0000${v.parent}`);
          if (!parent)
            throw new Error(`version ${v.version} is rolled back but its parent ${v.parent} is unknown`);
          list.push({ atMs: dayTime(plan, v.rollbackDay, plan.deployHour), version: parent });
        }
      }
      list.sort((a, b) => a.atMs - b.atMs);
      this.switches.set(workload.id, list);
    }
  }

  at(workloadId: string, timeMs: number): VersionSpec {
    const list = this.switches.get(workloadId);
    if (!list) throw new Error(`unknown workload ${workloadId}`);
    let current = list[0]!.version;
    for (const s of list) {
      if (s.atMs > timeMs) break;
      current = s.version;
    }
    return current;
  }
}
