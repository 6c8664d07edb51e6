export {
  BatchWriter,
  FlushError,
  QueueFullError,
  WriterClosedError,
  DEFAULT_BATCH_WRITER_OPTIONS,
} from './batch-writer';
export type { BatchWriterOptions, WriterStats } from './batch-writer';
export { createRowWriter } from './row-writer';
export type { Rows } from './row-writer';
