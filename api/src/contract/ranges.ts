import { z } from '@hono/zod-openapi';
import { EARLIEST, LATEST, eventTimeToIso, eventTimeToMicros, isoToMicros } from '../analytics/time';

// The ranges of what the API takes, defined once: every request schema under contract/ builds its
// times, ids, texts and numbers from these, so no value a client chooses can reach the engine outside
// what its column holds (a 500 from ClickHouse would be the client's mistake reported as the server's).

const FIRST = eventTimeToMicros(EARLIEST);
const LAST = eventTimeToMicros(LATEST);
const TIME_RANGE = `must be between ${eventTimeToIso(EARLIEST)} and ${eventTimeToIso(LATEST)}`;

/**
 * A time in a request: ISO 8601 with an offset (`Z` or `+02:00`), within what a DateTime64(6) column
 * holds (1970 to 2299, after applying the offset).
 */
export const isoTime = z.iso.datetime({ offset: true }).superRefine((time, ctx) => {
  // Refinements also run when the format check failed; that failure is already reported.
  if (ctx.issues.length > 0) return;
  let micros: bigint;
  try {
    micros = isoToMicros(time);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not a calendar time' });
    return;
  }
  if (micros < FIRST || micros > LAST) ctx.addIssue({ code: 'custom', message: TIME_RANGE });
});

/** A lone UTF-16 surrogate: it has no UTF-8 encoding, so the engine cannot store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a client chooses, at most `max` characters, that encodes as UTF-8 (no lone surrogate). */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => !LONE_SURROGATE.test(s), 'must be well-formed Unicode (it has a lone surrogate)');
}

/** Ids and names a caller chooses: workloads, versions, cycles, reviewers. */
export const name = text(200).min(1);

/** Largest value of a UInt32 column (counts such as an eval's `n`). */
export const UINT32_MAX = 4_294_967_295;

/**
 * A number in a JSON body: finite, within [min, max], and a JSON number (the string "7" is refused:
 * a client that sends strings has a bug the API should show, not hide).
 */
export function bodyNumber(min: number, max: number) {
  return z.number().min(min).max(max);
}

/** A whole number in a JSON body, within [min, max]. */
export function bodyInteger(min: number, max: number) {
  return z.number().int().min(min).max(max);
}

/** A number in a query string (always text there), within [min, max]. */
export function queryNumber(min: number, max: number) {
  return z.coerce.number<number>().min(min).max(max);
}

/** A whole number in a query string, within [min, max]. */
export function queryInteger(min: number, max: number) {
  return z.coerce.number<number>().int().min(min).max(max);
}
