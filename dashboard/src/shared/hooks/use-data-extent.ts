import { useMemo } from 'react';
import type { DataMeta } from '@flywheel/api';
import { endpoints } from '../../api/endpoints';
import type { Resource } from '../lib/resource';
import { useApiQuery } from './use-api-query';

export interface DataExtent {
  /** The newest event time in the data (epoch ms), or null for an empty project. */
  latestEventMs: number | null;
  /** Workloads seen in the data, most traffic first. */
  workloads: string[];
  /** Each workload's model versions, newest first. */
  versions: Record<string, string[]>;
}

function extentOf(meta: DataMeta): DataExtent {
  const latest = meta.latestEventTime ? Date.parse(meta.latestEventTime) : NaN;
  return {
    latestEventMs: Number.isNaN(latest) ? null : latest,
    workloads: meta.workloads.map((w) => w.workloadId),
    versions: Object.fromEntries(
      meta.workloads.map((w) => [w.workloadId, w.versions.map((v) => v.modelVersion)]),
    ),
  };
}

/**
 * What data exists: the anchor for relative time ranges, the workloads for the picker and their
 * versions. One small request (`/api/v1/meta`) every page waits for, so it must stay small.
 */
export function useDataExtent(): Resource<DataExtent> {
  const meta = useApiQuery(endpoints.meta());
  return useMemo(
    () => (meta.state === 'ready' ? { state: 'ready', data: extentOf(meta.data) } : meta),
    [meta],
  );
}
