import {
  insertInteractions,
  insertSignals,
  type ClickHouseClient,
  type InteractionRow,
  type SignalRow,
} from '@flywheel/storage';
import { BatchWriter, type BatchWriterOptions } from './batch-writer';

export interface Rows {
  interactions: InteractionRow[];
  signals: SignalRow[];
}

/**
 * The collector's writer: rows of many requests are inserted together, and each request learns when its
 * own rows are committed. Interactions go first; if the signals insert then fails the caller retries,
 * and the interactions it re-sends collapse with the stored ones.
 */
export function createRowWriter(
  client: ClickHouseClient,
  options: Partial<BatchWriterOptions> = {},
  log: (message: string) => void = console.warn,
): BatchWriter<Rows> {
  return new BatchWriter<Rows>(
    async (batches) => {
      await insertInteractions(
        client,
        batches.flatMap((b) => b.interactions),
      );
      await insertSignals(
        client,
        batches.flatMap((b) => b.signals),
      );
    },
    (rows) => rows.interactions.length + rows.signals.length,
    options,
    () =>
      log('flywheel: write queue full, refusing requests with 429 (senders retry); see /healthz for counts'),
  );
}
