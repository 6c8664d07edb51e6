/**
 * The explorer's page cursor: the sort key of the row a page ended (or started) at and which way to go.
 * Keyset paging: the next page is the rows strictly past that key, so a page is the same whatever is
 * inserted meanwhile at the head, and reading page 100 costs what reading page 1 does (no offset).
 * Opaque to clients (base64url JSON); decoded and checked before it reaches SQL.
 */
export interface InteractionCursor {
  /** `older`: rows after this key in the list's order (newest first); `newer`: rows before it. */
  direction: 'older' | 'newer';
  /** The key: event time (DateTime64 text), trace id, span id. */
  time: string;
  traceId: string;
  spanId: string;
}

const EVENT_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;

export function encodeCursor(cursor: InteractionCursor): string {
  const { direction, time, traceId, spanId } = cursor;
  return Buffer.from(JSON.stringify([direction === 'older' ? 'o' : 'n', time, traceId, spanId])).toString(
    'base64url',
  );
}

/** The cursor, or null when the text is not one `encodeCursor` wrote. */
export function decodeCursor(text: string): InteractionCursor | null {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parts) || parts.length !== 4) return null;
  const [d, time, traceId, spanId] = parts as unknown[];
  if ((d !== 'o' && d !== 'n') || typeof time !== 'string' || !EVENT_TIME.test(time)) return null;
  if (typeof traceId !== 'string' || typeof spanId !== 'string') return null;
  if (traceId.length > 128 || spanId.length > 128) return null;
  return { direction: d === 'o' ? 'older' : 'newer', time, traceId, spanId };
}
