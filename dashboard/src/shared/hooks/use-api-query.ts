import { useCallback, useMemo } from 'react';
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ApiRequest } from '../../api/client';
import { apiQueryOptions } from '../../api/query-options';
import type { ApiError } from '../../api/errors';
import { useApi } from '../../app/api-context';
import { allReady, toResource, type Resource } from '../lib/resource';

/**
 * Loads one API request through the shared cache: every component asking for the same request, on any
 * page, shares one entry and one network request. The only way components get data.
 */
export function useApiQuery<T>(request: ApiRequest<T>): Resource<T> {
  const { client } = useApi();
  const result = useQuery(apiQueryOptions(client, request));
  // A stable object while nothing changed, so memoized views downstream do not recompute.
  return useMemo(() => toResource(result), [result.data, result.error]);
}

/** Several requests of one kind (e.g. one per workload), ready when all are. */
export function useApiQueries<T>(requests: readonly ApiRequest<T>[]): Resource<T[]> {
  const { client } = useApi();
  // A stable combine keeps the combined Resource the same object until a result changes.
  const combine = useCallback(
    (results: UseQueryResult<T, ApiError>[]) => allReady(results.map(toResource)),
    [],
  );
  return useQueries({ queries: requests.map((r) => apiQueryOptions(client, r)), combine });
}
