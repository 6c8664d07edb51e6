import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { allReady, firstError, optional, toResource, type Resource } from './resource';

const missing = new ApiError('not_available', 404, '/api/v1/cycles', 'no route for GET /api/v1/cycles');
const refused = new ApiError('unauthorized', 401, '/api/v1/alarms', 'missing or invalid key');
const ready = <T>(data: T): Resource<T> => ({ state: 'ready', data });

describe('resources', () => {
  it('reads a query result as loading, error or data, keeping data shown while it refreshes', () => {
    expect(toResource({ data: undefined, error: null })).toEqual({ state: 'loading' });
    expect(toResource({ data: undefined, error: refused })).toEqual({ state: 'error', error: refused });
    expect(toResource({ data: 3, error: null })).toEqual(ready(3));
    // A background refresh failed: the data on screen is still the answer to these filters.
    expect(toResource({ data: 3, error: refused })).toEqual(ready(3));
  });

  it('turns "not in this version" into null for optional data, and only that', () => {
    expect(optional({ state: 'error', error: missing })).toEqual(ready(null));
    expect(optional({ state: 'error', error: refused })).toEqual({ state: 'error', error: refused });
    expect(optional(ready(1))).toEqual(ready(1));
  });

  it('is ready when all are, fails on the first error even while others load', () => {
    expect(allReady([ready(1), ready(2)])).toEqual(ready([1, 2]));
    expect(allReady([])).toEqual(ready([]));
    expect(allReady([ready(1), { state: 'loading' }])).toEqual({ state: 'loading' });
    const failed: Resource<number> = { state: 'error', error: refused };
    expect(allReady([{ state: 'loading' }, failed, ready(2)])).toBe(failed);
    expect(firstError([ready(1), { state: 'loading' }])).toBeUndefined();
  });
});
