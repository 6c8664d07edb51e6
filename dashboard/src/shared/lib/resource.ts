import type { UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../../api/errors';

/** What a page renders for one piece of server data: loading, an error, or the data. */
export type Resource<T> =
  { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: ApiError };

const LOADING: Resource<never> = { state: 'loading' };

/** A query's result as a Resource. Data stays shown while a newer copy loads in the background. */
export function toResource<T>(result: Pick<UseQueryResult<T, ApiError>, 'data' | 'error'>): Resource<T> {
  if (result.data !== undefined) return { state: 'ready', data: result.data };
  if (result.error) return { state: 'error', error: result.error };
  return LOADING;
}

/** For data an older server may lack: "not available in this version" reads as null, not an error. */
export function optional<T>(resource: Resource<T>): Resource<T | null> {
  return resource.state === 'error' && resource.error.kind === 'not_available'
    ? { state: 'ready', data: null }
    : resource;
}

type Failed = Extract<Resource<unknown>, { state: 'error' }>;

/** The first that failed, if any: one failure fails a view made of several resources. */
export function firstError(resources: readonly Resource<unknown>[]): Failed | undefined {
  return resources.find((r): r is Failed => r.state === 'error');
}

/** Ready when every one is; the first error as soon as one fails; loading otherwise. */
export function allReady<T>(resources: readonly Resource<T>[]): Resource<T[]> {
  const failed = firstError(resources);
  if (failed) return failed;
  const data: T[] = [];
  for (const r of resources) {
    if (r.state !== 'ready') return LOADING;
    data.push(r.data);
  }
  return { state: 'ready', data };
}
