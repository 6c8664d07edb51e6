import type { AlarmList, AlarmState, CycleList, VelocityReport } from './analytics-types';
import type { CheckName, CheckResults } from './check-types';
import { ApiError } from './errors';
import type { GateReport, Health, Interaction, InteractionQuery, RangeQuery } from './types';

export type QueryValue = string | number | boolean | undefined | null;
export type Query = Record<string, QueryValue>;

export interface ApiClientOptions {
  /** Where the API lives; the dashboard is served by the API, so the default is its own origin. */
  baseUrl?: string;
  /** The project key pasted by the user, sent as `Authorization: Bearer`. */
  getKey: () => string | null;
  fetchImpl?: typeof fetch;
}

/** The one typed client: every request the dashboard makes goes through here. */
export interface ApiClient {
  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T>;
  health(signal?: AbortSignal): Promise<Health>;
  interactions(query: InteractionQuery, signal?: AbortSignal): Promise<Interaction[]>;
  /** One interaction; null when the server has none with this request id. */
  interaction(requestId: string, signal?: AbortSignal): Promise<Interaction | null>;
  gate(query: RangeQuery & { bucket?: 'day' | 'week' }, signal?: AbortSignal): Promise<GateReport>;
  velocity(query: RangeQuery & { bucket?: 'day' | 'week' }, signal?: AbortSignal): Promise<VelocityReport>;
  cycles(query: { workload?: string }, signal?: AbortSignal): Promise<CycleList>;
  alarms(query: { state?: AlarmState; limit?: number }, signal?: AbortSignal): Promise<AlarmList>;
  check<N extends CheckName>(name: N, query: RangeQuery, signal?: AbortSignal): Promise<CheckResults[N]>;
}

export function buildUrl(baseUrl: string, path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetchImpl ?? ((input, init) => fetch(input, init));

  async function get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    const key = options.getKey();
    let response: Response;
    try {
      response = await doFetch(buildUrl(baseUrl, path, query), {
        headers: { accept: 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        // The key is the only credential; cookies are never needed.
        credentials: 'omit',
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError('network', 0, path, 'The Flywheel server did not answer. Is it running?');
    }
    if (response.ok) return (await response.json()) as T;
    throw await errorFrom(response, path);
  }

  return {
    get,
    health: (signal) => get<Health>('/healthz', {}, signal),
    async interactions(query, signal) {
      const body = await get<{ items: Interaction[] }>('/api/v1/interactions', { ...query }, signal);
      return body.items;
    },
    async interaction(requestId, signal) {
      try {
        const body = await get<{ item: Interaction }>(
          `/api/v1/interactions/${encodeURIComponent(requestId)}`,
          {},
          signal,
        );
        return body.item;
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'bad_request' && error.status === 404) return null;
        throw error;
      }
    },
    gate: (query, signal) => get<GateReport>('/api/v1/gate', { ...query }, signal),
    velocity: (query, signal) => get<VelocityReport>('/api/v1/velocity', { ...query }, signal),
    cycles: (query, signal) => get<CycleList>('/api/v1/cycles', { ...query }, signal),
    alarms: (query, signal) => get<AlarmList>('/api/v1/alarms', { ...query }, signal),
    check: (name, query, signal) => get(`/api/v1/checks/${name}`, { ...query }, signal),
  };
}

async function errorFrom(response: Response, path: string): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') message = body.error;
  } catch {
    // Not JSON (a proxy's error page): keep the status line.
  }
  if (response.status === 401) return new ApiError('unauthorized', 401, path, message);
  // The API's catch-all answers `no route for GET /api/v1/…`: the endpoint is not in this version.
  if (response.status === 404 && message.startsWith('no route for'))
    return new ApiError('not_available', 404, path, message);
  if (response.status >= 400 && response.status < 500)
    return new ApiError('bad_request', response.status, path, message);
  return new ApiError('server', response.status, path, message);
}
