import type { InteractionRow, SignalRow } from '@flywheel/storage';
import { encodeJsonLines } from '@flywheel/storage/insert-lines';

/** One table's rows of one request, encoded for the engine (JSONEachRow, a line per row). */
export interface EncodedTable {
  bytes: Uint8Array;
  /** Byte offset where each row's line ends. */
  ends: ArrayLike<number>;
  /** What the sender knows each row by (a span id, or `(signal <request id>)`), for refusals. */
  labels: string[];
}

/** A request's rows as bytes: what the collector's workers hand the writer. */
export interface EncodedRows {
  interactions: EncodedTable;
  signals: EncodedTable;
}

/** A request's rows as objects: what the signals endpoint (and a test) hands the writer. */
export interface RowObjects {
  interactions: InteractionRow[];
  signals: SignalRow[];
}

/** What the row writer takes from one caller: rows as objects, or already encoded. */
export type Rows = RowObjects | EncodedRows;

export const rowLabel = (row: InteractionRow | SignalRow): string =>
  row.span_id || `(signal ${row.request_id})`;

export function encodeTable(rows: ReadonlyArray<InteractionRow | SignalRow>): EncodedTable {
  return { ...encodeJsonLines(rows), labels: rows.map(rowLabel) };
}

export function isEncoded(rows: Rows): rows is EncodedRows {
  return !Array.isArray(rows.interactions);
}

export function encodeRows(rows: Rows): EncodedRows {
  return isEncoded(rows)
    ? rows
    : { interactions: encodeTable(rows.interactions), signals: encodeTable(rows.signals) };
}

/** Number of rows of a caller: interactions first, then signals (the order refusals are counted in). */
export function rowCount(rows: Rows): { interactions: number; signals: number } {
  return isEncoded(rows)
    ? { interactions: rows.interactions.ends.length, signals: rows.signals.ends.length }
    : { interactions: rows.interactions.length, signals: rows.signals.length };
}

/** Each row's line as a view into the table's bytes (no copy). */
export function lineViews(table: EncodedTable): Uint8Array[] {
  const views: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < table.ends.length; i++) {
    const end = table.ends[i]!;
    views.push(table.bytes.subarray(start, end));
    start = end;
  }
  return views;
}
