import type { CycleList } from '../../../api/analytics-types';
import { useResource, type Resource } from '../../../shared/hooks/use-resource';

export function useCycles(workload: string | null): Resource<CycleList> {
  return useResource((client, signal) => client.cycles(workload ? { workload } : {}, signal), [workload]);
}
