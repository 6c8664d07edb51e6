import { latencyBiasCheck } from '../../analytics/feedback-checks/bias';
import { driftCheck } from '../../analytics/feedback-checks/drift';
import { sycophancyCheck } from '../../analytics/feedback-checks/sycophancy';
import { alarmKindOf } from '../../analytics/feedback-checks/alarm-levels';
import { addDays, addMicros } from '../../analytics/time';
import type { Finding } from '../../analytics/verdict';
import type { CheckName } from '../../contract/check-results';
import { SEVERITY } from '../rules';
import type { AlarmKind, Condition } from '../types';
import type { DetectorContext } from './context';

const RECOMMENDATIONS: Partial<Record<AlarmKind, string>> = {
  drift:
    'The traffic the flywheel learns from has shifted: check the drifted dimensions before the next snapshot, and refresh the golden set if the new mix is here to stay.',
  judge_agreement:
    'The automated judge no longer agrees with human reviewers: recalibrate it against recent reviews before trusting its verdicts for curation.',
  sycophancy:
    'Feedback is rewarding agreement rather than accuracy: keep sycophantic responses out of training data and weight reviewed correctness over user ratings.',
  latency_bias:
    'Ratings follow speed rather than correctness: do not train on ratings alone; stratify curation by latency or use reviewed correctness.',
};

/**
 * The docs/design.md §7 checks on the feedback itself, as alarms: every check finding whose verdict is `alarm`
 * becomes a condition of the kind `alarmKindOf` names for its rule (the mapping the check endpoints show),
 * project-wide, with the check's findings as evidence.
 */
export async function feedbackCheckConditions(
  ctx: DetectorContext,
  enabled: ReadonlySet<AlarmKind>,
): Promise<Condition[]> {
  const scope = {
    projectId: ctx.projectId,
    workload: '',
    from: addDays(ctx.asOf, -28),
    to: addMicros(ctx.asOf, 1n),
    asOf: ctx.asOf,
  };
  const conditions: Condition[] = [];
  const add = (check: CheckName, kind: AlarmKind, findings: Finding[], statistics: unknown) => {
    const alarms = findings.filter((f) => f.verdict === 'alarm' && alarmKindOf(check, f.rule) === kind);
    if (!enabled.has(kind) || alarms.length === 0) return;
    conditions.push({
      kind,
      severity: SEVERITY[kind],
      workloadId: '',
      modelVersion: '',
      evidence: { findings: alarms, statistics },
      recommendation: RECOMMENDATIONS[kind]!,
    });
  };
  if (enabled.has('drift') || enabled.has('judge_agreement')) {
    const drift = await driftCheck(ctx.client, {
      projectId: ctx.projectId,
      workload: '',
      asOf: ctx.asOf,
      from: scope.from,
    });
    add('drift', 'drift', drift.findings, drift.statistics);
    add('drift', 'judge_agreement', drift.findings, drift.statistics);
  }
  if (enabled.has('sycophancy')) {
    const check = await sycophancyCheck(ctx.client, scope);
    add('sycophancy', 'sycophancy', check.findings, check.statistics);
  }
  if (enabled.has('latency_bias')) {
    const check = await latencyBiasCheck(ctx.client, scope);
    add('latency-bias', 'latency_bias', check.findings, check.statistics);
  }
  return conditions;
}
