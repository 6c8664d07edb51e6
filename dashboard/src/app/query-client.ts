import { QueryCache, QueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/errors';

declare module '@tanstack/react-query' {
  // The client fails only with an ApiError, so every query's error is one.
  interface Register {
    defaultError: ApiError;
  }
}

/**
 * Data stays fresh for a minute: moving between pages reuses what another page just loaded instead of
 * asking again, and a tab that comes back to focus later refreshes. New data arrives continuously, but a
 * minute is finer than any chart's bucket.
 */
export const STALE_MS = 60_000;

/**
 * The dashboard's one QueryClient. A refused key is reported once, from the cache, whichever query met
 * it. Only a network failure is retried (once): a 4xx will not change by asking again, and a 5xx shows
 * its message rather than keep the page loading.
 */
export function createQueryClient(onUnauthorized: () => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error.kind === 'unauthorized') onUnauthorized();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: STALE_MS,
        retry: (failures, error) => error.kind === 'network' && failures < 1,
      },
    },
  });
}
