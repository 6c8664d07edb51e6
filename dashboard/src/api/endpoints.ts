import type { AlarmList, AlarmState, CycleList, VelocityReport } from './analytics-types';
import type { CheckName, CheckResults } from './check-types';
import { sentQuery, type ApiRequest, type Query } from './client';
import type { GateReport, Interaction, InteractionQuery, RangeQuery } from './types';

type Bucketed = RangeQuery & { bucket?: 'day' | 'week' };

function request<T, Q extends Query<Q> = Query>(
  path: string,
  query: Q,
  read: (body: unknown) => T,
  whenMissing?: () => T,
): ApiRequest<T> {
  return { path, query: sentQuery(query), read, ...(whenMissing ? { whenMissing } : {}) };
}

/** Every API read the dashboard makes, typed; send them with the client or load them with useApiQuery. */
export const endpoints = {
  interactions: (query: InteractionQuery) =>
    request('/api/v1/interactions', query, (body) => (body as { items: Interaction[] }).items),
  /** One interaction; null when the server has none with this request id. */
  interaction: (requestId: string) =>
    request(
      `/api/v1/interactions/${encodeURIComponent(requestId)}`,
      {},
      (body): Interaction | null => (body as { item: Interaction }).item,
      () => null,
    ),
  gate: (query: Bucketed) => request('/api/v1/gate', query, (body) => body as GateReport),
  velocity: (query: Bucketed) => request('/api/v1/velocity', query, (body) => body as VelocityReport),
  cycles: (query: { workload?: string }) => request('/api/v1/cycles', query, (body) => body as CycleList),
  alarms: (query: { state?: AlarmState; limit?: number }) =>
    request('/api/v1/alarms', query, (body) => body as AlarmList),
  check: <N extends CheckName>(name: N, query: RangeQuery) =>
    request(`/api/v1/checks/${name}`, query, (body) => body as CheckResults[N]),
};
