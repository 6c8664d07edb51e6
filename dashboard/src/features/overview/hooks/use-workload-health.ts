import type { AlarmList, CycleList, VelocityReport } from '../../../api/analytics-types';
import { isApiError } from '../../../api/errors';
import type { RangeQuery } from '../../../api/types';
import { useResource, type Resource } from '../../../shared/hooks/use-resource';
import type { WorkloadHealth } from '../lib/health';

async function optional<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (isApiError(error) && error.kind === 'not_available') return null;
    throw error;
  }
}

function lastDeployed(cycles: CycleList | null, workload: string) {
  const deployed = (cycles?.items ?? []).filter((c) => c.workloadId === workload && c.deployedAt !== null);
  deployed.sort((a, b) => b.deployedAt!.localeCompare(a.deployedAt!));
  return deployed[0] ?? null;
}

/**
 * Everything the overview cards need, per workload: the project's velocity (phases), each workload's own
 * daily series, cycles and firing alarms. Cycles and alarms are optional: an older server lacks them.
 */
export function useWorkloadHealth(query: RangeQuery): Resource<{ workloads: WorkloadHealth[] }> {
  return useResource(
    async (client, signal) => {
      const [all, cycles, alarms] = await Promise.all([
        client.velocity({ ...query, bucket: 'day' }, signal),
        optional<CycleList>(client.cycles(query.workload ? { workload: query.workload } : {}, signal)),
        optional<AlarmList>(client.alarms({ state: 'firing' }, signal)),
      ]);
      const perWorkload: VelocityReport[] = await Promise.all(
        all.workloads.map((w) =>
          client.velocity({ ...query, workload: w.workloadId, bucket: 'day' }, signal),
        ),
      );
      const workloads = all.workloads.map((w, i): WorkloadHealth => {
        const buckets = perWorkload[i]!.buckets;
        const recent = buckets.filter((b) => b.interactions > 0).slice(-7);
        const gate = buckets.reduce(
          (g, b) => ({ evaluated: g.evaluated + b.gate.evaluated, passed: g.passed + b.gate.passed }),
          { evaluated: 0, passed: 0 },
        );
        return {
          workloadId: w.workloadId,
          phase: w.phase,
          stagnation: w.stagnation,
          buckets,
          perDay:
            recent.length > 0
              ? {
                  interactions: recent.reduce((n, b) => n + b.interactions, 0) / recent.length,
                  candidates: recent.reduce((n, b) => n + b.candidates, 0) / recent.length,
                }
              : null,
          gate: { ...gate, passRate: gate.evaluated > 0 ? gate.passed / gate.evaluated : null },
          lastCycle: lastDeployed(cycles, w.workloadId),
          firing: (alarms?.items ?? []).filter((a) => a.workloadId === w.workloadId && a.state === 'firing'),
          cyclesAvailable: cycles !== null,
          alarmsAvailable: alarms !== null,
        };
      });
      return { workloads };
    },
    [query.workload, query.from, query.to],
  );
}
