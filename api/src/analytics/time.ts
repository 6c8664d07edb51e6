// The module without the engine: this one is loaded by worker threads too (api/src/batches).
import { formatEventTime } from '@flywheel/storage/rows';

/**
 * The one event-time module of the API. Event times travel as DateTime64(6, 'UTC') text
 * (`YYYY-MM-DD hh:mm:ss.ffffff`), the form ClickHouse binds and returns, and are computed on as integer
 * microseconds: JavaScript dates hold milliseconds, and a bound rounded to the millisecond would move
 * an interaction or a signal across it. Text of this form compares like the times it names, so `<` on
 * two event times is exact.
 */
export type EventTime = string;

export const MICROS_PER_HOUR = 3_600_000_000n;
export const MICROS_PER_DAY = 24n * MICROS_PER_HOUR;

/** Bounds of an open time range. */
export const EARLIEST: EventTime = '1970-01-01 00:00:00.000000';
export const LATEST: EventTime = '2299-12-31 23:59:59.999999';

/** ISO 8601 with an offset (as validated by `z.iso.datetime({ offset: true })`) to microseconds. */
export function isoToMicros(iso: string): bigint {
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? '';
  // Date.parse keeps milliseconds only, so the fraction is parsed apart and added back in full.
  const millis = Date.parse(iso.replace(/\.\d+/, ''));
  if (Number.isNaN(millis)) throw new Error(`not an ISO 8601 time: ${iso}`);
  return BigInt(millis) * 1000n + BigInt(fraction.slice(0, 6).padEnd(6, '0'));
}

export function microsToEventTime(micros: bigint): EventTime {
  return formatEventTime(micros * 1000n);
}

export function isoToEventTime(iso: string): EventTime {
  return microsToEventTime(isoToMicros(iso));
}

export function eventTimeToMicros(time: EventTime): bigint {
  const [date, clock = '00:00:00'] = time.split(' ');
  const [whole, fraction = ''] = clock.split('.');
  const millis = Date.parse(`${date}T${whole}Z`);
  if (Number.isNaN(millis)) throw new Error(`not an event time: ${time}`);
  return BigInt(millis) * 1000n + BigInt(fraction.slice(0, 6).padEnd(6, '0'));
}

/** `2026-11-01 00:03:00.000000` → `2026-11-01T00:03:00.000000Z` (the API's output form). */
export function eventTimeToIso(time: EventTime): string {
  const [date, clock = '00:00:00'] = time.split(' ');
  const [whole, fraction = ''] = clock.split('.');
  return `${date}T${whole}.${fraction.padEnd(6, '0')}Z`;
}

/** The wall clock as an event time (for records the server itself writes, never for evaluations). */
export function nowEventTime(): EventTime {
  return microsToEventTime(BigInt(Date.now()) * 1000n);
}

export function addMicros(time: EventTime, micros: bigint): EventTime {
  return microsToEventTime(eventTimeToMicros(time) + micros);
}

/** Shifts by a (possibly fractional) number of hours, rounded to the microsecond. */
export function addHours(time: EventTime, hours: number): EventTime {
  return addMicros(time, BigInt(Math.round(hours * Number(MICROS_PER_HOUR))));
}

/** Shifts by a (possibly fractional) number of days, rounded to the microsecond. */
export function addDays(time: EventTime, days: number): EventTime {
  return addMicros(time, BigInt(Math.round(days * Number(MICROS_PER_DAY))));
}

/** b − a in days (fractional). */
export function daysBetween(a: EventTime, b: EventTime): number {
  return Number(eventTimeToMicros(b) - eventTimeToMicros(a)) / Number(MICROS_PER_DAY);
}
