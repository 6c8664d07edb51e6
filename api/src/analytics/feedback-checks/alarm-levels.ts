import type { AlarmKind } from '../../alarms/types';
import type { CheckName } from '../../contract/check-results';
import { combine, type Finding, type Verdict } from '../verdict';

/**
 * Which alarm a feedback-check rule raises at `alarm` level, or null for rules that only warn. The alarm
 * evaluator and the check endpoints both read this, so a finding that says `alarm` is one that pages.
 */
export function alarmKindOf(check: CheckName, rule: string): AlarmKind | null {
  if (check === 'drift') {
    if (rule.startsWith('psi_')) return 'drift';
    if (rule === 'judge_human_kappa') return 'judge_agreement';
    return null;
  }
  if (check === 'sycophancy') return rule === 'gate_enriches_sycophancy' ? null : 'sycophancy';
  if (check === 'latency-bias') return rule.startsWith('latency_') ? 'latency_bias' : null;
  return null;
}

/** What to do about a finding in warning or alarm, in plain words; by rule (or its prefix). */
const NEXT_STEPS: Array<[RegExp, string]> = [
  [
    /^psi_signal_kind$/,
    'The mix of user signals changed: check whether the app changed how it records feedback (a new button, a lost copy event) before the next snapshot.',
  ],
  [
    /^psi_workload$/,
    'Traffic moved between workloads: check that the next training snapshot is not dominated by one of them.',
  ],
  [
    /^psi_language$/,
    'Users write in other languages than before: check that the golden set covers them before trusting offline scores.',
  ],
  [
    /^psi_prompt_length$/,
    'Prompts changed length: read recent prompts in the explorer, and refresh the golden set if this is the new normal.',
  ],
  [/^psi_quality_score$/, 'Quality scores shifted: check whether the judge or the model changed.'],
  [
    /^judge_human_kappa$/,
    'Review a sample of recent judge verdicts and recalibrate the judge before curating with it; with few pairs, collect more reviews first.',
  ],
  [
    /^golden_set_staleness$/,
    'Re-run the golden set on the current model and refresh it with recent traffic.',
  ],
  [
    /^(marker_rate_rise|capitulation_rise|feedback_rewards_sycophancy)$/,
    'Keep sycophantic responses out of the next snapshot and weight reviewed correctness above thumbs.',
  ],
  [
    /^gate_enriches_sycophancy$/,
    'Tighten the gate: add a sycophancy rule or judge metric so flattering answers stop passing.',
  ],
  [
    /^latency_/,
    'Ratings follow speed, not correctness: do not train on ratings alone; stratify curation by latency or use reviewed correctness.',
  ],
  [/^length_/, 'Users reward long answers whether or not they are right: keep length from driving curation.'],
  [
    /^survivorship$/,
    'Explicit feedback comes from a vocal few who rate unlike everyone else: weight implicit signals (copy, accept) and ask more users for thumbs.',
  ],
];

export function nextStepFor(rule: string, verdict: Verdict): string | null {
  if (verdict !== 'warn' && verdict !== 'alarm') return null;
  return NEXT_STEPS.find(([pattern]) => pattern.test(rule))?.[1] ?? null;
}

export type LevelledFinding = Finding & { alarmKind: AlarmKind | null; nextStep: string | null };

/**
 * The one verdict rule of a check's findings, applied by every endpoint that shows them: a finding is
 * `alarm` only when its alarm kind is enabled for the project (then the evaluator pages on it);
 * otherwise an alarm-level finding is a warning, and says why. The check's verdict is the worst finding.
 */
export function applyAlarmLevels(
  check: CheckName,
  findings: Finding[],
  enabled: ReadonlySet<AlarmKind>,
): { verdict: Verdict; findings: LevelledFinding[] } {
  const levelled = findings.map((f): LevelledFinding => {
    const alarmKind = alarmKindOf(check, f.rule);
    if (f.verdict !== 'alarm' || (alarmKind !== null && enabled.has(alarmKind)))
      return { ...f, alarmKind, nextStep: nextStepFor(f.rule, f.verdict) };
    const why =
      alarmKind === null
        ? 'this rule raises no alarm'
        : `${alarmKind} alarms are off for this project (alert rules), so it pages nobody`;
    return {
      ...f,
      verdict: 'warn',
      alarmKind,
      detail: `${f.detail}. At alarm level, but ${why}: a warning.`,
      nextStep: nextStepFor(f.rule, 'warn'),
    };
  });
  return { verdict: combine(levelled.map((f) => f.verdict)), findings: levelled };
}
