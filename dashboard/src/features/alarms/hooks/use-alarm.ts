import { useMemo } from 'react';
import type { Alarm } from '@flywheel/api';
import { endpoints } from '../../../api/endpoints';
import { useApiQueries } from '../../../shared/hooks/use-api-query';
import type { Resource } from '../../../shared/lib/resource';

/**
 * The alarm a link names, loaded by id (whenever it fired, whatever the list's limit); null when the
 * project has no such alarm. No request without an id.
 */
export function useAlarm(id: string | null): Resource<Alarm | null> {
  const loaded = useApiQueries(id ? [endpoints.alarm(id)] : []);
  return useMemo(
    () => (loaded.state === 'ready' ? { state: 'ready', data: loaded.data[0] ?? null } : loaded),
    [loaded],
  );
}
