import type { CheckQuery, SignalMixReport } from '@flywheel/api';
import { endpoints } from '../../../api/endpoints';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import type { Resource } from '../../../shared/lib/resource';
import type { Bucket } from './use-velocity';

export function useSignalMix(query: CheckQuery, bucket: Bucket): Resource<SignalMixReport> {
  return useApiQuery(endpoints.signalMix({ ...query, bucket }));
}
