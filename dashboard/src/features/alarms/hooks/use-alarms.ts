import type { AlarmList, AlarmState } from '../../../api/analytics-types';
import { useResource, type Resource } from '../../../shared/hooks/use-resource';

export function useAlarms(state?: AlarmState): Resource<AlarmList> {
  return useResource((client, signal) => client.alarms(state ? { state } : {}, signal), [state]);
}
