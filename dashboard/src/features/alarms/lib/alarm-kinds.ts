import type { Alarm } from '@flywheel/api';
import { DAY_MS } from '../../../shared/lib/chart-data';
import { toDayString } from '../../../shared/lib/time-range';

interface KindInfo {
  /** Where the evidence is plotted. */
  page: 'cycles' | 'velocity' | 'checks' | 'explorer';
  check?: string;
}

const KINDS: Record<string, KindInfo> = {
  regression_after_deploy: { page: 'cycles' },
  negative_flywheel: { page: 'velocity' },
  regeneration_spike: { page: 'velocity' },
  pass_rate_collapse: { page: 'velocity' },
  negative_cycle_delta: { page: 'cycles' },
  drift: { page: 'checks', check: 'drift' },
  judge_agreement: { page: 'checks', check: 'drift' },
  sycophancy: { page: 'checks', check: 'sycophancy' },
  latency_bias: { page: 'checks', check: 'latency-bias' },
};

/**
 * The dashboard view that shows an alarm's evidence: its page, filtered to its workload and version, over
 * the four weeks before it fired and the week after (or up to the newest data).
 */
export function evidenceHref(alarm: Alarm, latestEventMs: number | null): string {
  const info: KindInfo = KINDS[alarm.kind] ?? { page: 'velocity' };
  const fired = Date.parse(alarm.firedAt);
  const params = new URLSearchParams();
  if (alarm.workloadId) params.set('workload', alarm.workloadId);
  if (alarm.modelVersion) params.set('version', alarm.modelVersion);
  if (info.check) params.set('check', info.check);
  if (!Number.isNaN(fired)) {
    const end = Math.min(fired + 7 * DAY_MS, latestEventMs ?? fired);
    params.set('from', toDayString(fired - 28 * DAY_MS));
    params.set('to', toDayString(Math.max(end, fired)));
  }
  params.set('alarm', alarm.id);
  return `/${info.page}?${params.toString()}`;
}

/** The explorer filter that lists the interactions behind an alarm of each kind. */
const INTERACTIONS: Record<string, { outcome?: string; gate?: string; label: string }> = {
  regression_after_deploy: { outcome: 'failure', label: 'the version’s failures' },
  negative_flywheel: { outcome: 'failure', label: 'the failures' },
  negative_cycle_delta: { outcome: 'failure', label: 'the version’s failures' },
  regeneration_spike: { outcome: 'failure', label: 'the failures (regenerations count as failures)' },
  pass_rate_collapse: { gate: 'rejected', label: 'the gate’s rejections' },
};

/**
 * The interactions behind an alarm, in the explorer: its workload and version, failures or gate
 * rejections where the alarm is about them, from the week before it fired to the week after.
 */
export function interactionsLink(
  alarm: Alarm,
  latestEventMs: number | null,
): { href: string; label: string } {
  const filter = INTERACTIONS[alarm.kind] ?? { label: 'the interactions' };
  const params = new URLSearchParams();
  if (alarm.workloadId) params.set('workload', alarm.workloadId);
  if (alarm.modelVersion) params.set('version', alarm.modelVersion);
  if (filter.outcome) params.set('outcome', filter.outcome);
  if (filter.gate) params.set('gate', filter.gate);
  const fired = Date.parse(alarm.firedAt);
  if (!Number.isNaN(fired)) {
    params.set('from', toDayString(fired - 7 * DAY_MS));
    params.set('to', toDayString(Math.max(Math.min(fired + 7 * DAY_MS, latestEventMs ?? fired), fired)));
  }
  return { href: `/explorer?${params.toString()}`, label: filter.label };
}
