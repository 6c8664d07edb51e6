import type { VelocityReport } from '../../../api/analytics-types';
import type { GateReport, RangeQuery } from '../../../api/types';
import { useResource, type Resource } from '../../../shared/hooks/use-resource';

export type Bucket = 'day' | 'week';

export function useVelocity(query: RangeQuery, bucket: Bucket): Resource<VelocityReport> {
  return useResource(
    (client, signal) => client.velocity({ ...query, bucket }, signal),
    [query.workload, query.from, query.to, bucket],
  );
}

export function useGate(query: RangeQuery, bucket: Bucket): Resource<GateReport> {
  return useResource(
    (client, signal) => client.gate({ ...query, bucket }, signal),
    [query.workload, query.from, query.to, bucket],
  );
}
