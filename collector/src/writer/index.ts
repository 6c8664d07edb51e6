export {
  BatchWriter,
  FlushError,
  QueueFullError,
  WriterClosedError,
  DEFAULT_BATCH_WRITER_OPTIONS,
} from './batch-writer';
export type {
  BatchWriterOptions,
  FlushFunction,
  RefusedItem,
  WriteReceipt,
  WriterStats,
} from './batch-writer';
export { createRowWriter, refusedRows } from './row-writer';
export type { RefusedRow } from './row-writer';
export { encodeRows, encodeTable, isEncoded, lineViews, rowCount } from './encoded-rows';
export type { EncodedRows, EncodedTable, RowObjects, Rows } from './encoded-rows';
export { insertIsolated, MAX_INSERTS_PER_CALLER } from './isolate';
