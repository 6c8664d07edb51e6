import { useMemo } from 'react';
import type { AlarmList, CheckQuery, CycleList, VelocityReport } from '@flywheel/api';
import { endpoints } from '../../../api/endpoints';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import { firstError, optional, type Resource } from '../../../shared/lib/resource';
import type { WorkloadHealth } from '../lib/health';

function lastDeployed(cycles: CycleList | null, workload: string) {
  const deployed = (cycles?.items ?? []).filter((c) => c.workloadId === workload && c.deployedAt !== null);
  deployed.sort((a, b) => b.deployedAt!.localeCompare(a.deployedAt!));
  return deployed[0] ?? null;
}

function healthOf(all: VelocityReport, cycles: CycleList | null, alarms: AlarmList | null): WorkloadHealth[] {
  return all.workloads.map((w): WorkloadHealth => {
    const buckets = w.buckets;
    const recent = buckets.filter((b) => b.interactions > 0).slice(-7);
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
      gate: w.gate,
      lastCycle: lastDeployed(cycles, w.workloadId),
      firing: (alarms?.items ?? []).filter((a) => a.workloadId === w.workloadId && a.state === 'firing'),
      cyclesAvailable: cycles !== null,
      alarmsAvailable: alarms !== null,
    };
  });
}

/**
 * Everything the overview cards need, per workload: the project's velocity (phases, gate and each
 * workload's own daily series, in one request), cycles and firing alarms. Cycles and alarms are optional:
 * an older server lacks them. Each is its own request, so the Velocity, Cycles and Alarms pages reuse
 * what the overview loaded, and all of them start at once.
 */
export function useWorkloadHealth(query: CheckQuery): Resource<{ workloads: WorkloadHealth[] }> {
  const all = useApiQuery(endpoints.velocity({ ...query, bucket: 'day' }));
  const cycles = optional(useApiQuery(endpoints.cycles(query.workload ? { workload: query.workload } : {})));
  const alarms = optional(useApiQuery(endpoints.alarms({ state: 'firing' })));

  return useMemo(() => {
    const failed = firstError([all, cycles, alarms]);
    if (failed) return failed;
    if (all.state !== 'ready' || cycles.state !== 'ready' || alarms.state !== 'ready')
      return { state: 'loading' };
    const workloads = healthOf(all.data, cycles.data, alarms.data);
    return { state: 'ready', data: { workloads } };
  }, [all, cycles, alarms]);
}
