import type { ClickHouseClient } from '@flywheel/storage';
import { eventTimeToMicros, MICROS_PER_DAY, microsToEventTime } from '../analytics/time';
import { signalWindowParam, type Scope } from '../queries/outcomes';
import { currentSeals, type SealedDay } from './seals';

/** A half-open event-time interval `[from, to)`, DateTime64(6, 'UTC') text. */
export interface Interval {
  from: string;
  to: string;
}

/** A read split into days answered by the read model and intervals answered from raw rows. */
export interface ReadPlan {
  /** Sealed days wholly inside the range: their counts are read from `daily_outcomes`. */
  sealed: SealedDay[];
  /** Sealed days the range (or a reader's boundary) cuts: read from `outcome_rows`, bounded by time. */
  cut: SealedDay[];
  raw: Interval[];
}

const dayStart = (us: bigint) => (us / MICROS_PER_DAY) * MICROS_PER_DAY;
const dayOf = (us: bigint) => microsToEventTime(us).slice(0, 10);
const dayMicros = (day: string) => eventTimeToMicros(`${day} 00:00:00.000000`);

/**
 * Splits a scope's event-time range: a whole day inside `[from, to)` with a current seal under the
 * scope's signal window, and whose window closed at or before asOf (so asOf can no longer change it),
 * is read from the read model; the rest — partial days at the ends, the open tail, days that received
 * data since their seal — from raw rows through the reference rule. Exact for any asOf.
 *
 * With `cutDays`, a sealed day the range cuts is not read raw but listed in `cut`, for the reader to
 * take from the per-row seal (`outcome_rows`) bounded by the range's times. A dashboard range starts
 * inside a day (asOf minus so many days), and that day read raw cost as much as the open tail.
 */
export async function planRead(
  client: ClickHouseClient,
  scope: Scope,
  options: { cutDays?: boolean } = {},
): Promise<ReadPlan> {
  const windowSeconds = signalWindowParam(scope.signalWindowHours).signalWindowSeconds;
  const window = BigInt(windowSeconds) * 1_000_000n;
  const from = eventTimeToMicros(scope.from);
  const to = eventTimeToMicros(scope.to);
  const asOf = eventTimeToMicros(scope.asOf);
  const cut = options.cutDays === true;
  const firstDay = dayStart(from) === from || cut ? dayStart(from) : dayStart(from) + MICROS_PER_DAY;
  // Sealed days end by `to` (or, cut, start before it) and their window closed by asOf.
  const end = dayStart(to) === to || !cut ? dayStart(to) : dayStart(to) + MICROS_PER_DAY;
  const lastEnd = [end, dayStart(asOf - window)].reduce((a, b) => (a < b ? a : b));
  const sealed =
    lastEnd > firstDay
      ? await currentSeals(client, scope.projectId, windowSeconds, {
          fromDay: dayOf(firstDay),
          toDay: dayOf(lastEnd - MICROS_PER_DAY),
        })
      : [];
  const raw: Interval[] = [];
  let cursor = from;
  for (const s of sealed) {
    const start = dayMicros(s.day);
    if (start > cursor) raw.push({ from: microsToEventTime(cursor), to: s.day + ' 00:00:00.000000' });
    cursor = start + MICROS_PER_DAY;
  }
  if (to > cursor) raw.push({ from: microsToEventTime(cursor), to: scope.to });
  const whole = (s: SealedDay) => dayMicros(s.day) >= from && dayMicros(s.day) + MICROS_PER_DAY <= to;
  return { sealed: sealed.filter(whole), cut: sealed.filter((s) => !whole(s)), raw };
}

/**
 * `planRead` with `cutDays`, and every sealed day that a boundary cuts (a time inside the day, not at its
 * start) moved to `cut` too: a read that splits its range further (cycles' version windows, velocity's
 * recent weeks) then finds each day of `sealed` wholly inside or outside every part, and takes the cut
 * days row by row.
 */
export async function planReadCutAt(
  client: ClickHouseClient,
  scope: Scope,
  boundaries: readonly string[],
): Promise<ReadPlan> {
  const plan = await planRead(client, scope, { cutDays: true });
  const cut = new Set(boundaries.filter((b) => !b.endsWith(' 00:00:00.000000')).map((b) => b.slice(0, 10)));
  return {
    sealed: plan.sealed.filter((s) => !cut.has(s.day)),
    cut: [...plan.cut, ...plan.sealed.filter((s) => cut.has(s.day))].sort((a, b) => (a.day < b.day ? -1 : 1)),
    raw: plan.raw,
  };
}
