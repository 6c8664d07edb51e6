import {
  flatten,
  PRAISE_MARKERS,
  PUSHBACK_PATTERN,
  REVERSAL_MARKERS,
  REVERSAL_WINDOW_CHARS,
} from '../../analytics/lexicon';

/**
 * SQL: the built-in lexicon's markers of the text of each request the interactions `where` selects
 * (SQL over `i.*`): `praise` (a praise marker anywhere in the response), `pushback` (the prompt opens by
 * pushing back) and `reversal` (a reversal marker in the response's first characters). Re-deliveries
 * carry the same text, so any of them gives the request's markers. Columns: request_id, praise,
 * pushback, reversal (UInt8). Params: `markerParams()` and those of `where`.
 *
 * Reading every response is what a sycophancy read costs most, so the gate seal computes these once for
 * a sealed day (`gate_rows`) and reads compute them only for the rows they read raw. Case is ignored by
 * lower-casing the text once and searching for lower-cased markers: half the time of the engine's
 * case-insensitive multi-search, which folds case for every marker.
 */
export function textMarkersSql(where: string): string {
  return `
    SELECT i.request_id AS request_id,
      any(multiSearchAny(lowerUTF8(i.response), {praise:Array(String)})) AS praise,
      any(match(lowerUTF8(trimLeft(i.prompt)), {pushback:String})) AS pushback,
      any(multiSearchAny(lowerUTF8(substringUTF8(i.response, 1, {reversalChars:UInt32})),
        {reversal:Array(String)})) AS reversal
    FROM interactions AS i
    WHERE ${where}
    GROUP BY request_id`;
}

/** The lexicon, as the params of `textMarkersSql`. */
export function markerParams(): Record<string, unknown> {
  const lower = (markers: string[]) => markers.map((m) => m.toLowerCase());
  return {
    praise: lower(flatten(PRAISE_MARKERS)),
    reversal: lower(flatten(REVERSAL_MARKERS)),
    reversalChars: REVERSAL_WINDOW_CHARS,
    pushback: PUSHBACK_PATTERN,
  };
}
