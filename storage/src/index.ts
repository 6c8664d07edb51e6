export { createStorage } from './client';
export type { Storage } from './client';
export { storageConfigFromEnv } from './config';
export type { StorageConfig } from './config';
export { insertInteractions, insertSignals } from './insert';
export { encodeJsonLines, insertJsonLines } from './insert-lines';
export type { IngestTable } from './insert-lines';
export { classifyInsertError, insertErrorSummary } from './insert-errors';
export type { InsertFailure } from './insert-errors';
export { formatEventTime } from './rows';
export type { InteractionRow, SignalRow } from './rows';
export { PIPELINE_NODE_TYPES } from './detail-rows';
export type { InteractionMessagesRow, JudgmentRow, PipelineNodeRow, PipelineNodeType } from './detail-rows';
export { migrate, migrationFiles, renderMigration, bootstrapStatements } from './migrations';
export type { MigrationFile, MigrationResult, Topology } from './migrations';
export {
  flatten,
  PRAISE_MARKERS,
  PUSHBACK_PATTERN,
  REVERSAL_MARKERS,
  REVERSAL_WINDOW_CHARS,
} from './lexicon';
export type { ClickHouseClient } from '@clickhouse/client';
