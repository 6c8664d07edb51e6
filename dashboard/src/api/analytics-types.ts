/** Shapes of the analytics endpoints (velocity, cycles, alarms). Deltas and rates are fractions. */

export type Phase = 'cold_start' | 'bootstrap' | 'acceleration' | 'maturity';

export interface Rates {
  interactions: number;
  candidates: number;
  successes: number;
  explicitRate: number | null;
  coverage: number | null;
  successRate: number | null;
}

export interface VelocityBucket extends Rates {
  /** First day of the bucket, `YYYY-MM-DD` (UTC). */
  bucket: string;
  /** False while signals may still arrive for interactions in it. */
  complete: boolean;
  gate: { evaluated: number; passed: number; passRate: number | null };
}

export interface PhaseAssessment {
  phase: Phase;
  successRate: number | null;
  candidates: number;
  interactions: number;
  windowDays: number;
  reason: string;
}

export type StagnationCause =
  'gate_too_strict' | 'review_queue_backed_up' | 'feedback_too_sparse' | 'saturation';

export interface StagnationAssessment {
  /** null: fewer than two measured cycles. */
  stagnating: boolean | null;
  reason: string;
  cycles: {
    id: string;
    modelVersion: string;
    deployedAt: string | null;
    delta: number;
    significant: boolean;
  }[];
  causes: { cause: StagnationCause; evidence: string }[];
  evidence: Record<string, unknown> | null;
}

export interface VelocityReport {
  window: { from: string; to: string; asOf: string };
  workload: string | null;
  bucket: 'day' | 'week';
  totals: Rates;
  buckets: VelocityBucket[];
  workloads: { workloadId: string; phase: PhaseAssessment; stagnation: StagnationAssessment }[];
}

export type CycleStatus = 'collecting' | 'training' | 'evaluating' | 'deployed' | 'rolled_back' | 'rejected';

export interface OnlineDelta {
  delta: number;
  ci: [number, number];
  significant: boolean;
  n: { version: number; parent: number };
  successRate: { version: number; parent: number };
  windowClosed: boolean;
}

export interface Cycle {
  id: string;
  workloadId: string;
  modelVersion: string;
  parentVersion: string | null;
  status: CycleStatus;
  dataWindow: { from: string; to: string };
  deployedAt: string | null;
  rolledBackAt: string | null;
  notes: string;
  trainingVolume: { total: number; gold: number; gatePassed: number; correction: number };
  snapshot: { id: string; at: string } | null;
  onlineDelta: OnlineDelta | null;
  offlineDelta: number | null;
  timeToImprovementDays: number | null;
  inHealthyBand: boolean | null;
}

export interface CycleList {
  asOf: string;
  W: number;
  items: Cycle[];
}

export type AlarmState = 'firing' | 'resolved';

export interface Alarm {
  id: string;
  kind: string;
  severity: 'critical' | 'warning';
  workloadId: string;
  modelVersion: string | null;
  state: AlarmState;
  firedAt: string;
  resolvedAt: string | null;
  evidence: Record<string, unknown>;
  recommendation: string;
  link: string;
}

export interface AlarmList {
  asOf: string;
  items: Alarm[];
}
