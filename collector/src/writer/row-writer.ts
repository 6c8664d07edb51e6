import {
  insertInteractions,
  insertSignals,
  type ClickHouseClient,
  type InteractionRow,
  type SignalRow,
} from '@flywheel/storage';
import { BatchWriter, type BatchWriterOptions, type RefusedItem, type WriteReceipt } from './batch-writer';
import { insertIsolated } from './isolate';

export interface Rows {
  interactions: InteractionRow[];
  signals: SignalRow[];
}

/** A row storage refused, as the request that sent it knows it. */
export interface RefusedRow {
  table: 'interactions' | 'signals';
  row: InteractionRow | SignalRow;
  /** Position in `Rows.interactions` or `Rows.signals`. */
  index: number;
  reason: string;
}

/**
 * The collector's writer: rows of many requests are inserted together, and each request learns when its
 * own rows are committed. A row the engine cannot read is isolated (see insertIsolated) and refused
 * alone, so it never fails other requests. Interactions go first; if the signals insert then fails the
 * caller retries, and the interactions it re-sends collapse with the stored ones.
 */
export function createRowWriter(
  client: ClickHouseClient,
  options: Partial<BatchWriterOptions> = {},
  log: (message: string) => void = console.warn,
): BatchWriter<Rows> {
  return new BatchWriter<Rows>(
    async (batches) => {
      const interactions = await insertIsolated(
        batches.map((b) => b.interactions),
        (rows) => insertInteractions(client, rows),
      );
      const signals = await insertIsolated(
        batches.map((b) => b.signals),
        (rows) => insertSignals(client, rows),
      );
      // Positions count the caller's interactions first, then its signals (the order `size` counts).
      return batches.map((b, i): RefusedItem[] => [
        ...interactions[i]!,
        ...signals[i]!.map((r) => ({ ...r, index: r.index + b.interactions.length })),
      ]);
    },
    (rows) => rows.interactions.length + rows.signals.length,
    options,
    () =>
      log('flywheel: write queue full, refusing requests with 429 (senders retry); see /healthz for counts'),
  );
}

/** The rows of `rows` that a write's receipt says were refused. */
export function refusedRows(rows: Rows, receipt: WriteReceipt): RefusedRow[] {
  return receipt.refused.map(({ index, reason }) =>
    index < rows.interactions.length
      ? { table: 'interactions', row: rows.interactions[index]!, index, reason }
      : {
          table: 'signals',
          row: rows.signals[index - rows.interactions.length]!,
          index: index - rows.interactions.length,
          reason,
        },
  );
}
