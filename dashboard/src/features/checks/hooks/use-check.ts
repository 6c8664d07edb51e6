import type { CheckName, CheckQuery, CheckResults } from '@flywheel/api';
import { endpoints } from '../../../api/endpoints';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import type { Resource } from '../../../shared/lib/resource';

export function useCheck<N extends CheckName>(name: N, query: CheckQuery): Resource<CheckResults[N]> {
  return useApiQuery(endpoints.check(name, query));
}
