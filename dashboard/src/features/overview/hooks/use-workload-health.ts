import { useMemo } from 'react';
import type { AlarmList, CheckQuery, CycleList, VelocityReport } from '@flywheel/api';
import { endpoints } from '../../../api/endpoints';
import { useScope } from '../../../app/scope-context';
import { useApiQueries, useApiQuery } from '../../../shared/hooks/use-api-query';
import { firstError, optional, type Resource } from '../../../shared/lib/resource';
import type { WorkloadHealth } from '../lib/health';

function lastDeployed(cycles: CycleList | null, workload: string) {
  const deployed = (cycles?.items ?? []).filter((c) => c.workloadId === workload && c.deployedAt !== null);
  deployed.sort((a, b) => b.deployedAt!.localeCompare(a.deployedAt!));
  return deployed[0] ?? null;
}

function healthOf(
  all: VelocityReport,
  perWorkload: VelocityReport[],
  cycles: CycleList | null,
  alarms: AlarmList | null,
): WorkloadHealth[] {
  const own = new Map(perWorkload.map((r) => [r.workload, r]));
  return all.workloads.map((w): WorkloadHealth => {
    const buckets = own.get(w.workloadId)?.buckets ?? [];
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
 * Everything the overview cards need, per workload: the project's velocity (phases), each workload's own
 * daily series, cycles and firing alarms. Cycles and alarms are optional: an older server lacks them.
 * Each is its own request, so the Velocity, Cycles and Alarms pages reuse what the overview loaded.
 * All of them start at once: the workloads come from the data extent the page already has, not from the
 * project's velocity, so no request waits for another.
 */
export function useWorkloadHealth(query: CheckQuery): Resource<{ workloads: WorkloadHealth[] }> {
  const known = useScope().workloads;
  const all = useApiQuery(endpoints.velocity({ ...query, bucket: 'day' }));
  const cycles = optional(useApiQuery(endpoints.cycles(query.workload ? { workload: query.workload } : {})));
  const alarms = optional(useApiQuery(endpoints.alarms({ state: 'firing' })));
  const workloads = query.workload ? [query.workload] : known;
  const perWorkload = useApiQueries(
    workloads.map((w) => endpoints.velocity({ ...query, workload: w, bucket: 'day' })),
  );

  return useMemo(() => {
    const failed = firstError([all, cycles, alarms, perWorkload]);
    if (failed) return failed;
    if (
      all.state !== 'ready' ||
      perWorkload.state !== 'ready' ||
      cycles.state !== 'ready' ||
      alarms.state !== 'ready'
    )
      return { state: 'loading' };
    const workloads = healthOf(all.data, perWorkload.data, cycles.data, alarms.data);
    return { state: 'ready', data: { workloads } };
  }, [all, perWorkload, cycles, alarms]);
}
