import { queryOptions } from '@tanstack/react-query';
import type { ApiClient, ApiRequest } from './client';

/** The cache key of a request is the request: its path and the parameters it sends. */
function requestKey(request: ApiRequest<unknown>): readonly [string, ApiRequest<unknown>['query']] {
  return [request.path, request.query];
}

/** How TanStack Query loads a request: the one definition hooks and prefetches share. */
export function apiQueryOptions<T>(client: ApiClient, request: ApiRequest<T>) {
  return queryOptions({
    queryKey: requestKey(request),
    queryFn: ({ signal }) => client.send(request, signal),
  });
}
