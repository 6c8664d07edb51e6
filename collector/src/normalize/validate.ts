import type { Attributes, DecodedSpan } from '../otlp/span';
import { num } from './attrs';
import { checkedEventTime, eventTimeProblem } from './domain';

/** One span is refused; the rest of the request is still stored (OTLP partial success). */
export class SpanRejection extends Error {}

export function requireIds(span: DecodedSpan): void {
  if (!span.traceId || /^0+$/.test(span.traceId))
    throw new SpanRejection('traceId must be 16 non-zero bytes');
  if (!span.spanId || /^0+$/.test(span.spanId)) throw new SpanRejection('spanId must be 8 non-zero bytes');
}

/** Start and end of the span: present, in order, and both within the plausible window. */
export function requireTimes(span: DecodedSpan, nowNs: bigint): void {
  if (span.startNs === 0n) throw new SpanRejection('startTimeUnixNano is missing');
  spanTime(span.startNs, 'startTimeUnixNano', nowNs);
  if (span.endNs < span.startNs) throw new SpanRejection('endTimeUnixNano is before startTimeUnixNano');
  const endProblem = eventTimeProblem(span.endNs, nowNs);
  if (endProblem) throw new SpanRejection(`endTimeUnixNano ${span.endNs} ${endProblem}`);
}

/** A time taken from `field` of the span, formatted for storage; the span is refused if it cannot be. */
export function spanTime(ns: bigint, field: string, nowNs: bigint): string {
  return checkedEventTime(ns, nowNs, (problem) => new SpanRejection(`${field} ${ns} ${problem}`));
}

/** A score attribute that must lie in [0, 1]; null when absent. */
export function unitScore(a: Attributes, key: string): number | null {
  if (a[key] === undefined || a[key] === null) return null;
  const value = num(a, key);
  if (value === undefined || value < 0 || value > 1) {
    throw new SpanRejection(`${key} must be a number in [0, 1], got ${JSON.stringify(a[key])}`);
  }
  return value;
}

/** The largest finite Float32: a logprob below its negative would be stored as -inf. */
const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * A token log-probability attribute (a natural log, so ≤ 0); null when absent or not one. Unlike the
 * scores above, a bad value costs the attribute, not the span: it only ranks the review queue, and an
 * app's arithmetic slip (NaN from an empty token list, a probability sent as a logprob) should not lose
 * the interaction.
 */
export function logprob(a: Attributes, key: string): number | null {
  const value = num(a, key);
  return value !== undefined && value <= 0 && value >= -FLOAT32_MAX ? value : null;
}
