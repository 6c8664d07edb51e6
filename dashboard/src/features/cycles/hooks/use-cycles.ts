import type { CycleList } from '@flywheel/api';
import { endpoints } from '../../../api/endpoints';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import type { Resource } from '../../../shared/lib/resource';

export function useCycles(workload: string | null): Resource<CycleList> {
  return useApiQuery(endpoints.cycles(workload ? { workload } : {}));
}
