import { PROJECTS } from './synthetic';

/**
 * What the analytics benchmarks ask: every request the dashboard makes, for one workload and for a
 * whole project of the synthetic data (`./synthetic`), and the writes a reviewer makes.
 */
export interface Endpoint {
  method: 'GET' | 'POST';
  name: string;
  /** The path for a scope's query (`workload=w1`, or '' for the project) and a sample request id. */
  path: (scope: string, sample: string) => string;
  body?: unknown;
}

/** `project:key` for every synthetic project: `FLYWHEEL_KEYS`, or `parseKeys` in process. */
export const BENCHMARK_KEYS = PROJECTS.map((p) => `${p}:${p}-benchmark-key-000`).join(',');

/** The headers of a request as a synthetic project. */
export const benchmarkAuth = (project: string) => ({
  authorization: `Bearer ${project}-benchmark-key-000`,
  'content-type': 'application/json',
});

export const SCOPES: Array<[label: string, query: string]> = [
  ['one workload (p0/w1)', 'workload=w1'],
  ['whole project (p0)', ''],
];

export const ENDPOINTS: Endpoint[] = [
  { method: 'GET', name: 'velocity (day)', path: (s) => `/api/v1/velocity?${s}` },
  { method: 'GET', name: 'velocity (week)', path: (s) => `/api/v1/velocity?bucket=week&${s}` },
  { method: 'GET', name: 'gate', path: (s) => `/api/v1/gate?${s}` },
  { method: 'GET', name: 'interactions (50)', path: (s) => `/api/v1/interactions?limit=50&${s}` },
  { method: 'GET', name: 'cycles', path: (s) => `/api/v1/cycles?${s}` },
  { method: 'GET', name: 'checks/drift', path: (s) => `/api/v1/checks/drift?${s}` },
  { method: 'GET', name: 'checks/sycophancy', path: (s) => `/api/v1/checks/sycophancy?${s}` },
  { method: 'GET', name: 'checks/latency-bias', path: (s) => `/api/v1/checks/latency-bias?${s}` },
  { method: 'GET', name: 'checks/survivorship', path: (s) => `/api/v1/checks/survivorship?${s}` },
  { method: 'GET', name: 'signal-mix', path: (s) => `/api/v1/signal-mix?${s}` },
  { method: 'GET', name: 'alarms', path: () => '/api/v1/alarms' },
  { method: 'GET', name: 'meta', path: () => '/api/v1/meta' },
  { method: 'GET', name: 'one interaction', path: (_s, sample) => `/api/v1/interactions/${sample}` },
  { method: 'GET', name: 'review-queue (20)', path: (s) => `/api/v1/review-queue?limit=20&${s}` },
  {
    method: 'POST',
    name: 'reviews (100)',
    path: () => '/api/v1/reviews',
    body: {
      reviews: Array.from({ length: 100 }, (_, i) => ({
        requestId: `r${i * 97}`,
        reviewer: 'bench',
        labels: { accuracy: true, helpfulness: true, safety: true },
      })),
    },
  },
  {
    method: 'POST',
    name: 'judgments (100)',
    path: () => '/api/v1/judgments',
    body: {
      judgments: Array.from({ length: 100 }, (_, i) => ({
        requestId: `r${i * 89}`,
        judgeId: 'bench',
        metric: 'accuracy',
        passed: i % 3 > 0,
      })),
    },
  },
  { method: 'POST', name: 'cycles/{id}/snapshot', path: () => '/api/v1/cycles/w0-v3/snapshot', body: {} },
];

/** The p-th percentile (nearest rank) of `xs`. */
export const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** The request id the "one interaction" read asks for: one of p0/w1's, 5 % into the data. */
export const SAMPLE_REQUEST_SQL = `SELECT request_id FROM interactions WHERE project_id = 'p0' AND workload_id = 'w1'
  ORDER BY time LIMIT 1 OFFSET {offset:UInt64}`;
