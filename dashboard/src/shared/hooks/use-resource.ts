import { useEffect, useState, type DependencyList } from 'react';
import type { ApiClient } from '../../api/client';
import { ApiError, isApiError } from '../../api/errors';
import { useApi } from '../../app/api-context';

export type Resource<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: ApiError };

/**
 * Loads data through the typed client and reloads when `deps` or the key change. The only way components
 * get data: every feature hook is a thin wrapper around this.
 */
export function useResource<T>(
  load: (client: ApiClient, signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): Resource<T> {
  const { client, keyVersion, reportUnauthorized } = useApi();
  // Results are tagged with the inputs they were loaded for: after a filter change the previous result is
  // not shown for even one frame as if it answered the new filters.
  const key = JSON.stringify([keyVersion, ...deps]);
  const [resource, setResource] = useState<{ key: string; value: Resource<T> }>({
    key: '',
    value: { state: 'loading' },
  });

  useEffect(() => {
    const controller = new AbortController();
    load(client, controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ key, value: { state: 'ready', data } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = isApiError(error)
          ? error
          : new ApiError('server', 0, '', error instanceof Error ? error.message : String(error));
        if (apiError.kind === 'unauthorized') reportUnauthorized();
        setResource({ key, value: { state: 'error', error: apiError } });
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; its inputs are listed by the caller in `deps`.
  }, [client, key]);

  return resource.key === key ? resource.value : { state: 'loading' };
}
