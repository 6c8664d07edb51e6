import { useMemo } from 'react';
import { endpoints } from '../../api/endpoints';
import type { Interaction } from '@flywheel/api';
import type { Resource } from '../lib/resource';
import { useApiQuery } from './use-api-query';

export interface DataExtent {
  /** The newest event time in the data (epoch ms), or null for an empty project. */
  latestEventMs: number | null;
  /** Workloads seen in the data, most traffic first. */
  workloads: string[];
}

const SAMPLE = 1000;

function extentOf(items: Interaction[]): DataExtent {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.workloadId, (counts.get(item.workloadId) ?? 0) + 1);
  const workloads = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const latest = items[0] ? Date.parse(items[0].time) : NaN;
  return { latestEventMs: Number.isNaN(latest) ? null : latest, workloads: workloads.map(([w]) => w) };
}

/**
 * What data exists: the anchor for relative time ranges and the workloads for the picker. Read from the
 * newest interactions, so a workload that has been silent for the last SAMPLE calls is not listed.
 */
export function useDataExtent(): Resource<DataExtent> {
  const newest = useApiQuery(endpoints.interactions({ limit: SAMPLE }));
  return useMemo(
    () => (newest.state === 'ready' ? { state: 'ready', data: extentOf(newest.data) } : newest),
    [newest],
  );
}
