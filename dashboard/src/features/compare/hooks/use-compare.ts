import type { CompareQuery, VersionComparison } from '@flywheel/api';
import { endpoints } from '../../../api/endpoints';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import type { Resource } from '../../../shared/lib/resource';

export function useCompare(query: CompareQuery): Resource<VersionComparison> {
  return useApiQuery(endpoints.compare(query));
}
