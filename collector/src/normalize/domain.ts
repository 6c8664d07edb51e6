// The rows module alone: this code runs in worker threads, which must not load the engine.
import { formatEventTime } from '@flywheel/storage/rows';
import { toWellFormed } from '../redact/text-safety';

/**
 * What the tables can hold, checked before anything is queued: one value the engine cannot read would
 * fail the insert it shares with other requests. Strings are repaired (lone surrogates become U+FFFD);
 * times and numbers outside their column's domain are refused with the name of the field.
 */

const NS_PER_MS = 1_000_000n;

/** Event times before the Unix epoch are not plausible for LLM traffic (and were a formatting hazard). */
export const EARLIEST_EVENT_NS = 0n;
/** The last instant DateTime64(6) holds: 2299-12-31 23:59:59.999999. */
export const LATEST_EVENT_NS = BigInt(Date.UTC(2300, 0, 1)) * NS_PER_MS - 1000n;
/** Clocks drift and time zones get mixed up; a day ahead of the server's clock is still accepted. */
export const FUTURE_SKEW_NS = 24n * 3_600_000n * NS_PER_MS;

export const UINT32_MAX = 4_294_967_295;

export function clockNs(): bigint {
  return BigInt(Date.now()) * NS_PER_MS;
}

/** Why a time cannot be stored, or undefined when it can. */
export function eventTimeProblem(ns: bigint, nowNs: bigint): string | undefined {
  if (ns < EARLIEST_EVENT_NS) return 'is before 1970-01-01';
  if (ns > LATEST_EVENT_NS) return 'is after 2299-12-31';
  if (ns > nowNs + FUTURE_SKEW_NS) return "is more than a day ahead of the server's clock";
  return undefined;
}

/** A counter column (UInt32): why `value` does not fit, or undefined. */
export function countProblem(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 0) return 'must be a non-negative integer';
  if (value > UINT32_MAX) return `must be at most ${UINT32_MAX}`;
  return undefined;
}

/** The row with every string, string array element, map key and map value made well-formed UTF-16. */
export function wellFormedRow<R extends object>(row: R): R {
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(row)) {
    const repaired = repair(value);
    if (repaired !== value) (copy ??= { ...(row as Record<string, unknown>) })[key] = repaired;
  }
  return (copy ?? row) as R;
}

function repair(value: unknown): unknown {
  if (typeof value === 'string') return toWellFormed(value);
  if (Array.isArray(value)) {
    const items = value.map(repair);
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (value !== null && typeof value === 'object') {
    let changed = false;
    const entries = Object.entries(value).map(([k, v]) => {
      const entry = [toWellFormed(k), repair(v)] as const;
      changed ||= entry[0] !== k || entry[1] !== v;
      return entry;
    });
    return changed ? Object.fromEntries(entries) : value;
  }
  return value;
}

// Numeric columns of the ingest tables by type; a value outside them fails the insert (UInt32) or is
// silently stored as NULL or 0 (non-finite floats).
const COUNT_COLUMNS = [
  'input_tokens',
  'output_tokens',
  'cache_read_input_tokens',
  'cache_write_input_tokens',
  'reasoning_output_tokens',
  'response_words',
  'response_tokens',
  'prompt_chars',
  'document_count',
];
const FLOAT_COLUMNS = [
  'latency_ms',
  'ttft_ms',
  'quality_score',
  'grounding_score',
  'toxicity',
  'topic_relevance',
  'response_mean_logprob',
  'response_min_logprob',
  'value',
  'score',
  'duration_ms',
];

/** The first numeric column of a row whose value its type cannot hold, as `column: problem`. */
export function columnProblem(row: object): string | undefined {
  const r = row as Record<string, unknown>;
  for (const column of COUNT_COLUMNS) {
    const value = r[column];
    if (value === undefined || value === null) continue;
    const problem = typeof value === 'number' ? countProblem(value) : 'must be a number';
    if (problem) return `${column} ${problem}, got ${String(value)}`;
  }
  for (const column of FLOAT_COLUMNS) {
    const value = r[column];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value))
      return `${column} must be a finite number, got ${String(value)}`;
  }
  return undefined;
}

/** Formats a checked time; `describe` turns the problem into the caller's error. */
export function checkedEventTime(ns: bigint, nowNs: bigint, fail: (problem: string) => Error): string {
  const problem = eventTimeProblem(ns, nowNs);
  if (problem) throw fail(problem);
  return formatEventTime(ns);
}
