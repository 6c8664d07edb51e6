import { formatEventTime } from '@flywheel/storage';

/**
 * Event times travel through the analytics as DateTime64(6, 'UTC') text (`YYYY-MM-DD hh:mm:ss.ffffff`),
 * the form ClickHouse binds and returns, and are computed on as integer microseconds so that no
 * precision is lost to JavaScript's millisecond dates.
 */
export type EventTime = string;

export const MICROS_PER_DAY = 86_400_000_000n;

/** ISO 8601 with an offset (as validated by `z.iso.datetime({ offset: true })`) to microseconds. */
export function isoToMicros(iso: string): bigint {
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? '';
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

export function addDays(time: EventTime, days: number): EventTime {
  return microsToEventTime(eventTimeToMicros(time) + BigInt(Math.round(days * 86_400_000_000)));
}

export function addMicros(time: EventTime, micros: bigint): EventTime {
  return microsToEventTime(eventTimeToMicros(time) + micros);
}

/** b − a in days (fractional). */
export function daysBetween(a: EventTime, b: EventTime): number {
  return Number(eventTimeToMicros(b) - eventTimeToMicros(a)) / 86_400_000_000;
}
