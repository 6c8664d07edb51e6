import type { CheckName, CheckResults } from '../../../api/check-types';
import type { RangeQuery } from '../../../api/types';
import { useResource, type Resource } from '../../../shared/hooks/use-resource';

export function useCheck<N extends CheckName>(name: N, query: RangeQuery): Resource<CheckResults[N]> {
  return useResource(
    (client, signal) => client.check(name, query, signal),
    [name, query.workload, query.from, query.to],
  );
}
