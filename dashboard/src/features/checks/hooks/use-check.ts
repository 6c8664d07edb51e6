import type { CheckName, CheckResults } from '../../../api/check-types';
import { endpoints } from '../../../api/endpoints';
import type { RangeQuery } from '../../../api/types';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import type { Resource } from '../../../shared/lib/resource';

export function useCheck<N extends CheckName>(name: N, query: RangeQuery): Resource<CheckResults[N]> {
  return useApiQuery(endpoints.check(name, query));
}
