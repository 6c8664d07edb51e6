import type { Alarm } from '@flywheel/api';
import { DAY_MS } from '../../../shared/lib/chart-data';
import { resolveRange, toDayString, type RangePreset } from '../../../shared/lib/time-range';

/**
 * Whether an alarm belongs to a time range: a firing alarm always does (it still needs someone); a
 * resolved one when it was firing at any moment of the range.
 */
export function alarmInRange(alarm: Alarm, fromMs?: number, toMs?: number): boolean {
  if (alarm.state === 'firing') return true;
  const fired = Date.parse(alarm.firedAt);
  const resolved = alarm.resolvedAt ? Date.parse(alarm.resolvedAt) : Infinity;
  return (fromMs === undefined || resolved >= fromMs) && (toMs === undefined || fired < toMs);
}

/**
 * The custom range (whole UTC days) an alarm's link widens to when the current range misses it: two
 * weeks before it fired, to a week after it resolved (or the newest data, for one still firing).
 */
export function rangeAround(alarm: Alarm, latestEventMs: number | null): { from: string; to: string } {
  const fired = Date.parse(alarm.firedAt);
  const end = alarm.resolvedAt ? Date.parse(alarm.resolvedAt) + 7 * DAY_MS : (latestEventMs ?? fired);
  const to = latestEventMs === null ? end : Math.min(end, latestEventMs);
  return { from: toDayString(fired - 14 * DAY_MS), to: toDayString(Math.max(to, fired)) };
}

export interface Outside {
  /** Resolved alarms that ended before the range starts. */
  earlier: number;
  /** The smallest preset that shows them all, and its words. */
  preset: RangePreset;
  label: string;
}

/**
 * What an empty range hides: resolved alarms from before it, and the preset that would show them
 * ("1 resolved alarm earlier — show 90 days"). Null when nothing is outside.
 */
export function alarmsOutside(
  alarms: Alarm[],
  range: { fromMs?: number },
  latestEventMs: number | null,
): Outside | null {
  if (range.fromMs === undefined) return null;
  const earlier = alarms.filter((a) => a.resolvedAt && Date.parse(a.resolvedAt) < range.fromMs!);
  if (earlier.length === 0) return null;
  const oldest = Math.min(...earlier.map((a) => Date.parse(a.resolvedAt!)));
  const ninety = resolveRange({ range: '90d' }, latestEventMs);
  const preset: RangePreset =
    ninety.fromMs !== undefined && ninety.fromMs < range.fromMs && oldest >= ninety.fromMs ? '90d' : 'all';
  return { earlier: earlier.length, preset, label: preset === '90d' ? '90 days' : 'all time' };
}
