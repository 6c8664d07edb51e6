import { insertJsonLines, type ClickHouseClient, type IngestTable } from '@flywheel/storage';
import { BatchWriter, type BatchWriterOptions, type RefusedItem, type WriteReceipt } from './batch-writer';
import {
  encodeRows,
  isEncoded,
  lineViews,
  rowCount,
  rowLabel,
  type EncodedRows,
  type Rows,
} from './encoded-rows';
import { insertIsolated } from './isolate';

/** A row storage refused, as the request that sent it knows it. */
export interface RefusedRow {
  table: IngestTable;
  /** The row's span id, or `(signal <request id>)`. */
  label: string;
  /** Position among the request's interactions or signals. */
  index: number;
  reason: string;
}

/**
 * The collector's writer: rows of many requests are inserted together, and each request learns when its
 * own rows are committed. A row the engine cannot read is isolated (see insertIsolated) and refused
 * alone, so it never fails other requests. Interactions go first; if the signals insert then fails the
 * caller retries, and the interactions it re-sends collapse with the stored ones. Rows arrive encoded
 * (from the collector's workers) or as objects, which are encoded here.
 */
export function createRowWriter(
  client: ClickHouseClient,
  options: Partial<BatchWriterOptions> = {},
  log: (message: string) => void = console.warn,
): BatchWriter<Rows> {
  const insertTable = async (table: IngestTable, callers: Uint8Array[][]) =>
    insertIsolated(callers, (lines) => insertJsonLines(client, table, concat(lines)));
  return new BatchWriter<Rows>(
    async (batches) => {
      const encoded: EncodedRows[] = batches.map(encodeRows);
      const interactions = await insertTable(
        'interactions',
        encoded.map((b) => lineViews(b.interactions)),
      );
      const signals = await insertTable(
        'signals',
        encoded.map((b) => lineViews(b.signals)),
      );
      // Positions count the caller's interactions first, then its signals (the order `size` counts).
      return encoded.map((b, i): RefusedItem[] => [
        ...interactions[i]!,
        ...signals[i]!.map((r) => ({ ...r, index: r.index + b.interactions.ends.length })),
      ]);
    },
    (rows) => {
      const count = rowCount(rows);
      return count.interactions + count.signals;
    },
    options,
    () =>
      log('flywheel: write queue full, refusing requests with 429 (senders retry); see /healthz for counts'),
  );
}

function concat(lines: Uint8Array[]): Uint8Array {
  return lines.length === 1 ? lines[0]! : Buffer.concat(lines);
}

/** The rows of `rows` that a write's receipt says were refused. */
export function refusedRows(rows: Rows, receipt: WriteReceipt): RefusedRow[] {
  const encoded = labels(rows);
  return receipt.refused.map(({ index, reason }) =>
    index < encoded.interactions.length
      ? { table: 'interactions', label: encoded.interactions[index]!, index, reason }
      : {
          table: 'signals',
          label: encoded.signals[index - encoded.interactions.length]!,
          index: index - encoded.interactions.length,
          reason,
        },
  );
}

function labels(rows: Rows): { interactions: string[]; signals: string[] } {
  return isEncoded(rows)
    ? { interactions: rows.interactions.labels, signals: rows.signals.labels }
    : { interactions: rows.interactions.map(rowLabel), signals: rows.signals.map(rowLabel) };
}
