import type { CheckQuery, GateReport, VelocityReport } from '@flywheel/api';
import { endpoints } from '../../../api/endpoints';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import type { Resource } from '../../../shared/lib/resource';

export type Bucket = 'day' | 'week';

export function useVelocity(query: CheckQuery, bucket: Bucket): Resource<VelocityReport> {
  return useApiQuery(endpoints.velocity({ ...query, bucket }));
}

export function useGate(query: CheckQuery, bucket: Bucket): Resource<GateReport> {
  return useApiQuery(endpoints.gate({ ...query, bucket }));
}
