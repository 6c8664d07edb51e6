import type { AlarmList, AlarmState } from '@flywheel/api';
import { endpoints } from '../../../api/endpoints';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import type { Resource } from '../../../shared/lib/resource';

export function useAlarms(state?: AlarmState): Resource<AlarmList> {
  return useApiQuery(endpoints.alarms(state ? { state } : {}));
}
