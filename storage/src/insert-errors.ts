/**
 * What a failed insert says about its rows, so a caller can tell bad data from a bad moment:
 * - `rows`: the engine could not read a value (a bad escape, a date or number it cannot parse). The
 *   same rows fail again, so retrying is pointless; inserting them in smaller groups finds the culprit.
 * - `split`: the rows are fine but too many together (more partitions than one insert may touch);
 *   smaller groups succeed.
 * - `unavailable`: anything else (engine down, timeout, disk, memory); the same insert may succeed later.
 */
export type InsertFailure = 'rows' | 'split' | 'unavailable';

// ClickHouse error names raised while parsing or converting input values. Their outcome depends only on
// the data, never on the server's state.
const DATA_ERRORS = new Set([
  'ARGUMENT_OUT_OF_BOUND',
  'ATTEMPT_TO_READ_AFTER_EOF',
  'CANNOT_CONVERT_TYPE',
  'CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN',
  'DECIMAL_OVERFLOW',
  'INCORRECT_DATA',
  'SIZES_OF_ARRAYS_DONT_MATCH',
  'TOO_LARGE_ARRAY_SIZE',
  'TOO_LARGE_STRING_SIZE',
  'TYPE_MISMATCH',
  'UNKNOWN_ELEMENT_IN_ENUM',
  'VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE',
]);

/** Classifies an error thrown by `insertInteractions` / `insertSignals` (either engine). */
export function classifyInsertError(error: unknown): InsertFailure {
  // Matched by shape: the embedded connection and the HTTP client each bundle their own error class.
  const type = (error as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return 'unavailable';
  if (/^CANNOT_(PARSE|READ)_/.test(type) || DATA_ERRORS.has(type)) return 'rows';
  // TOO_MANY_PARTS also means "merges are behind" (back-pressure); only the per-insert partition limit
  // is cured by splitting.
  if (
    type === 'TOO_MANY_PARTS' &&
    /partitions for single INSERT block/i.test(String((error as Error).message))
  )
    return 'split';
  return 'unavailable';
}

/** The first line of an engine error, short enough to hand back to a sender. */
export function insertErrorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
