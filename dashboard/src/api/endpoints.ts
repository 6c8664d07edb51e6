import type {
  AlarmDetail,
  AlarmList,
  AlarmQuery,
  CheckName,
  CheckQuery,
  CheckResults,
  CompareQuery,
  DataMeta,
  CycleList,
  CycleListQuery,
  GateQuery,
  GateReport,
  Interaction,
  InteractionList,
  InteractionQuery,
  SignalMixQuery,
  SignalMixReport,
  VersionComparison,
  VelocityQuery,
  VelocityReport,
} from '@flywheel/api';
import { sentQuery, type ApiRequest, type Query } from './client';

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
  /** What data exists: the newest event time, the workloads and their versions. */
  meta: () => request('/api/v1/meta', {}, (body) => body as DataMeta),
  interactions: (query: InteractionQuery) =>
    request('/api/v1/interactions', query, (body) => body as InteractionList),
  /** One interaction; null when the server has none with this request id. */
  interaction: (requestId: string) =>
    request(
      `/api/v1/interactions/${encodeURIComponent(requestId)}`,
      {},
      (body): Interaction | null => (body as { item: Interaction }).item,
      () => null,
    ),
  gate: (query: GateQuery) => request('/api/v1/gate', query, (body) => body as GateReport),
  velocity: (query: VelocityQuery) => request('/api/v1/velocity', query, (body) => body as VelocityReport),
  signalMix: (query: SignalMixQuery) =>
    request('/api/v1/signal-mix', query, (body) => body as SignalMixReport),
  compare: (query: CompareQuery) => request('/api/v1/compare', query, (body) => body as VersionComparison),
  cycles: (query: CycleListQuery) => request('/api/v1/cycles', query, (body) => body as CycleList),
  alarms: (query: AlarmQuery) => request('/api/v1/alarms', query, (body) => body as AlarmList),
  /** One alarm by id, whenever it fired; null when the project has none with this id. */
  alarm: (id: string) =>
    request(
      `/api/v1/alarms/${encodeURIComponent(id)}`,
      {},
      (body): AlarmDetail['alarm'] | null => (body as AlarmDetail).alarm,
      () => null,
    ),
  check: <N extends CheckName>(name: N, query: CheckQuery) =>
    request(`/api/v1/checks/${name}`, query, (body) => body as CheckResults[N]),
};
