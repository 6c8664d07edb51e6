import { useMemo } from 'react';
import type { AlarmList, CycleList } from '@flywheel/api';
import { endpoints } from '../../api/endpoints';
import type { Marker } from '../components/charts/time-series-chart';
import { alarmTitle } from '../lib/alarm-titles';
import { optional } from '../lib/resource';
import { useApiQuery } from './use-api-query';

const shortVersion = (version: string, workload: string) =>
  version.startsWith(`${workload}-`) ? version.slice(workload.length + 1) : version;

function markersOf(workload: string | null, alarms: AlarmList | null, cycles: CycleList | null): Marker[] {
  const markers: Marker[] = [];
  for (const c of workload ? (cycles?.items ?? []) : []) {
    const name = shortVersion(c.modelVersion, c.workloadId);
    if (c.deployedAt) markers.push({ t: Date.parse(c.deployedAt), label: `▲ ${name}`, kind: 'deploy' });
    if (c.rolledBackAt)
      markers.push({ t: Date.parse(c.rolledBackAt), label: `↩ ${name} rolled back`, kind: 'rollback' });
  }
  for (const a of alarms?.items ?? []) {
    if (workload && a.workloadId !== workload) continue;
    markers.push({ t: Date.parse(a.firedAt), label: `⚠ ${alarmTitle(a.kind)}`, kind: 'alarm' });
  }
  return markers.filter((m) => !Number.isNaN(m.t)).sort((a, b) => a.t - b.t);
}

/**
 * Deploys and rollbacks of the selected workload, and alarm firings (of all workloads when none is
 * selected), as chart markers. Deploys of every workload on one aggregate chart would be noise. The
 * requests are the ones the Alarms and Cycles pages make, so they share their cache.
 */
export function useMarkers(workload: string | null): Marker[] {
  // Markers are context on a chart, not its data: a server without alarms or cycles just has none.
  const alarms = optional(useApiQuery(endpoints.alarms({})));
  const cycles = optional(useApiQuery(endpoints.cycles(workload ? { workload } : {})));
  const ready = alarms.state === 'ready' && (!workload || cycles.state === 'ready');
  const alarmData = alarms.state === 'ready' ? alarms.data : null;
  const cycleData = cycles.state === 'ready' ? cycles.data : null;
  return useMemo(
    () => (ready ? markersOf(workload, alarmData, cycleData) : []),
    [ready, workload, alarmData, cycleData],
  );
}
