export { createCollectorApp, DEFAULT_MEMORY_SOFT_LIMIT_BYTES } from './app';
export type { CollectorOptions } from './app';
export { signalSchema, signalsBody, signalsRoute } from './routes/signals';
export type { SignalInput } from './routes/signals';
export { BytesInFlight, bytesInFlightBudget, OverBudgetError } from './routes/bytes-in-flight';
export { IngestCounters } from './routes/counters';
export type { BatchCounts } from './routes/counters';
export { inlineProcessor, sharedWorkerPool, workerPool, WorkersBusyError } from './pipeline/processor';
export type { BodyProcessor, WorkerPoolOptions } from './pipeline/processor';
export { processBody } from './pipeline/process-body';
export type { BodyResult, BodyTask, ProcessedBody } from './pipeline/process-body';
export { parseKeys, authenticate, bearerToken, DEFAULT_PROJECT, UnauthorizedError } from './auth';
export type { KeyRing } from './auth';
export {
  createRowWriter,
  refusedRows,
  encodeRows,
  isEncoded,
  BatchWriter,
  FlushError,
  QueueFullError,
  WriterClosedError,
  DEFAULT_BATCH_WRITER_OPTIONS,
} from './writer';
export type {
  BatchWriterOptions,
  EncodedRows,
  EncodedTable,
  RefusedRow,
  RowObjects,
  Rows,
  WriteReceipt,
  WriterStats,
} from './writer';
export { createDetailWriter, encodeDetails } from './details';
export type { DetailObjects, EncodedDetails } from './details';
export { processLogsBody } from './logs/process-logs';
export type { ProcessedLogs } from './logs/process-logs';
export { normalize, classifySpan } from './normalize';
export type { NormalizedBatch, SpanClass } from './normalize';
export { decodeJson, decodeProtobuf } from './otlp/decode';
export { decodeLogsJson, decodeLogsProtobuf } from './otlp/decode-logs';
export { MAX_BODY_BYTES } from './otlp/body';
export { jsonNestingProblem } from './otlp/json-nesting';
export { redactText, detectPii } from './redact';
export type { PiiKind, Redaction } from './redact';
export { runContentChecks, DEFAULT_CHECKS_CONFIG } from './content-checks';
export type { ChecksConfig, ContentChecks } from './content-checks';
export { protectBatch, redactInteraction, redactSignal } from './protect';
