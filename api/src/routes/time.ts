import { formatEventTime } from '@flywheel/storage';

/** Bounds for an open time range, in DateTime64(6, 'UTC') text. */
export const EARLIEST = '1970-01-01 00:00:00.000000';
export const LATEST = '2299-12-31 23:59:59.999999';

/** ISO 8601 from a query parameter to DateTime64(6, 'UTC') text. */
export function isoToEventTime(iso: string): string {
  return formatEventTime(BigInt(Date.parse(iso)) * 1_000_000n);
}
