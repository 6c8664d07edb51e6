/** Shapes of the Flywheel API as the dashboard reads them. Times are ISO 8601 strings in UTC. */

export type Outcome = 'success' | 'failure' | 'unknown';
export type Verdict = 'ok' | 'warn' | 'alarm' | 'insufficient_data';

export interface Interaction {
  requestId: string;
  traceId: string;
  spanId: string;
  time: string;
  workloadId: string;
  service: string;
  operation: string;
  provider: string;
  model: string;
  modelVersion: string;
  userId: string;
  sessionId: string;
  prompt: string;
  response: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  timeToFirstChunkMs: number | null;
  finishReason: string;
  status: string;
  errorMessage?: string;
  language: string;
  qualityScore: number | null;
  groundingScore: number | null;
  outcome: Outcome;
  /** Signal kinds in event-time order. */
  signals: string[];
  signalDetails?: SignalDetail[];
  checks?: ContentChecks;
  /** The quality gate's verdict as of the data's latest event; null when it cannot be computed. */
  gate?: InteractionGate | null;
}

export interface SignalDetail {
  time: string;
  kind: string;
  value: number | null;
  correction: string;
  explicit: boolean;
  userId: string;
  source: string;
}

/** Content-check results stored at ingest (docs/design.md §5). */
export interface ContentChecks {
  piiKinds: string[];
  responseWords: number;
  responseTokens: number;
  toxicity: number;
  promptChars: number;
  jailbreak: string;
  topicRelevance: number | null;
  inputFailures: string[];
  nearDuplicateKey: string;
  /** Pass/fail per check name. */
  passed: Record<string, boolean>;
}

export type GateState = 'passed' | 'rejected' | 'pending';

export interface InteractionGate {
  state: GateState;
  reasons: string[];
}

export interface InteractionQuery {
  limit?: number;
  workload?: string;
  modelVersion?: string;
  outcome?: Outcome;
  gate?: GateState;
  /** Case-insensitive text in the prompt or the response. */
  q?: string;
  from?: string;
  to?: string;
}

export type GateBand =
  'insufficient_data' | 'too_strict' | 'below_band' | 'healthy' | 'above_band' | 'too_loose';

export interface GateBucket {
  /** Start of the bucket, a UTC day `YYYY-MM-DD`. */
  bucket: string;
  evaluated: number;
  passed: number;
  passRate: number | null;
  /** Rejected interactions per reason; one interaction counts under every rule it failed. */
  rejections: Record<string, number>;
  band: GateBand;
}

export interface GateReport {
  workload: string | null;
  asOf: string;
  buckets: GateBucket[];
  total: Omit<GateBucket, 'bucket'>;
}

export interface RangeQuery {
  workload?: string;
  from?: string;
  to?: string;
}

export interface Health {
  status: 'ok' | 'unavailable';
  ingest?: Record<string, number>;
}
