/** Alarm kinds (docs/design.md §8) as a product manager would name them. */
const TITLES: Record<string, string> = {
  regression_after_deploy: 'Regression after deploy',
  negative_flywheel: 'Flywheel turning backwards',
  regeneration_spike: 'Regeneration spike',
  pass_rate_collapse: 'Gate pass rate collapsed',
  negative_cycle_delta: 'Cycle made quality worse',
  drift: 'Metric drift',
  judge_agreement: 'Judge disagrees with humans',
  sycophancy: 'Feedback rewards sycophancy',
  latency_bias: 'Feedback biased by latency',
};

export function alarmTitle(kind: string): string {
  return TITLES[kind] ?? kind.replace(/_/g, ' ');
}
