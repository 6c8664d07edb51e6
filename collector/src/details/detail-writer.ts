import { insertJsonLines, type ClickHouseClient } from '@flywheel/storage';
import {
  BatchWriter,
  type BatchWriterOptions,
  type RefusedItem,
  type WriteReceipt,
} from '../writer/batch-writer';
import { lineViews } from '../writer/encoded-rows';
import { insertIsolated } from '../writer/isolate';
import { DETAIL_TABLES, detailCount, type EncodedDetails } from './encoded-details';

/**
 * The batch writer of the detail tables (pipeline nodes, judgments, event-borne messages): the same
 * batching, bounded queue, isolation of refused rows and acknowledgement after commit as the writer of
 * interactions and signals, beside it rather than inside it, so each table set flushes on its own.
 */
export function createDetailWriter(
  client: ClickHouseClient,
  options: Partial<BatchWriterOptions> = {},
  log: (message: string) => void = console.warn,
): BatchWriter<EncodedDetails> {
  return new BatchWriter<EncodedDetails>(
    async (batches) => {
      const refused: RefusedItem[][] = batches.map(() => []);
      const offsets = batches.map(() => 0);
      for (const table of DETAIL_TABLES) {
        const results = await insertIsolated(
          batches.map((b) => lineViews(b[table])),
          (lines) => insertJsonLines(client, table, lines.length === 1 ? lines[0]! : Buffer.concat(lines)),
        );
        // Positions count the caller's nodes first, then its judgments, then its messages.
        results.forEach((items, i) => {
          refused[i]!.push(...items.map((r) => ({ ...r, index: r.index + offsets[i]! })));
          offsets[i]! += batches[i]![table].ends.length;
        });
      }
      return refused;
    },
    detailCount,
    options,
    () => log('flywheel: detail write queue full, refusing requests with 429 (senders retry)'),
  );
}

/** The labels of the rows a receipt refused (the sender's span or event they came from), with why. */
export function refusedDetails(
  rows: EncodedDetails,
  receipt: WriteReceipt,
): Array<{ label: string; reason: string }> {
  const labels = DETAIL_TABLES.flatMap((t) => rows[t].labels);
  return receipt.refused.map(({ index, reason }) => ({ label: labels[index] ?? `(row ${index})`, reason }));
}

/** Nothing to write: a request without detail rows does not wait for a flush. */
export function noDetails(rows: EncodedDetails): boolean {
  return detailCount(rows) === 0;
}
