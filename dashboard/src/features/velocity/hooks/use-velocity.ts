import type { VelocityReport } from '../../../api/analytics-types';
import { endpoints } from '../../../api/endpoints';
import type { GateReport, RangeQuery } from '../../../api/types';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import type { Resource } from '../../../shared/lib/resource';

export type Bucket = 'day' | 'week';

export function useVelocity(query: RangeQuery, bucket: Bucket): Resource<VelocityReport> {
  return useApiQuery(endpoints.velocity({ ...query, bucket }));
}

export function useGate(query: RangeQuery, bucket: Bucket): Resource<GateReport> {
  return useApiQuery(endpoints.gate({ ...query, bucket }));
}
