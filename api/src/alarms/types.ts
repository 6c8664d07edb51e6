export const ALARM_KINDS = [
  'regression_after_deploy',
  'negative_flywheel',
  'regeneration_spike',
  'pass_rate_collapse',
  'negative_cycle_delta',
  'drift',
  'sycophancy',
  'latency_bias',
  'judge_agreement',
] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];
export type Severity = 'critical' | 'warning';
export type AlarmState = 'firing' | 'resolved';

/** A condition a detector found true as of the evaluation time. */
export interface Condition {
  kind: AlarmKind;
  severity: Severity;
  workloadId: string;
  /** '' when the condition is about a workload rather than a version. */
  modelVersion: string;
  evidence: Record<string, unknown>;
  recommendation: string;
}

export interface Alarm extends Condition {
  id: string;
  projectId: string;
  state: AlarmState;
  /** Event time (DateTime64 text) at which the evaluator first saw the condition. */
  firedAt: string;
  resolvedAt: string | null;
  /** Event time of the evaluation that last changed the state. */
  evaluatedAt: string;
}

/** What an alarm is about; a persistent condition with the same key pages once. */
export function alarmKey(a: Pick<Condition, 'kind' | 'workloadId' | 'modelVersion'>): string {
  return `${a.kind}|${a.workloadId}|${a.modelVersion}`;
}
