import type { AlarmList, CycleList } from '../../api/analytics-types';
import type { ApiClient } from '../../api/client';
import { isApiError } from '../../api/errors';
import type { Marker } from '../components/charts/time-series-chart';
import { alarmTitle } from '../lib/alarm-titles';
import { useResource } from './use-resource';

const EMPTY_ALARMS: AlarmList = { asOf: '', items: [] };
const EMPTY_CYCLES: CycleList = { asOf: '', W: 7, items: [] };

// Markers are context on a chart, not its data: a server without alarms or cycles just has none.
async function orEmpty<T>(promise: Promise<T>, empty: T): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isApiError(error) && error.kind === 'not_available') return empty;
    throw error;
  }
}

const shortVersion = (version: string, workload: string) =>
  version.startsWith(`${workload}-`) ? version.slice(workload.length + 1) : version;

/**
 * Deploys and rollbacks of the selected workload, and alarm firings (of all workloads when none is
 * selected), as chart markers. Deploys of every workload on one aggregate chart would be noise.
 */
export function useMarkers(workload: string | null): Marker[] {
  const resource = useResource(
    async (client: ApiClient, signal) => {
      const [alarms, cycles] = await Promise.all([
        orEmpty(client.alarms({}, signal), EMPTY_ALARMS),
        workload ? orEmpty(client.cycles({ workload }, signal), EMPTY_CYCLES) : EMPTY_CYCLES,
      ]);
      const markers: Marker[] = [];
      for (const c of cycles.items) {
        const name = shortVersion(c.modelVersion, c.workloadId);
        if (c.deployedAt) markers.push({ t: Date.parse(c.deployedAt), label: `▲ ${name}`, kind: 'deploy' });
        if (c.rolledBackAt)
          markers.push({ t: Date.parse(c.rolledBackAt), label: `↩ ${name} rolled back`, kind: 'rollback' });
      }
      for (const a of alarms.items) {
        if (workload && a.workloadId !== workload) continue;
        markers.push({ t: Date.parse(a.firedAt), label: `⚠ ${alarmTitle(a.kind)}`, kind: 'alarm' });
      }
      return markers.filter((m) => !Number.isNaN(m.t)).sort((a, b) => a.t - b.t);
    },
    [workload],
  );
  return resource.state === 'ready' ? resource.data : [];
}
