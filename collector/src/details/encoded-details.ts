import type { InteractionMessagesRow, JudgmentRow, PipelineNodeRow } from '@flywheel/storage';
import { encodeJsonLines } from '@flywheel/storage/insert-lines';
import type { EncodedTable } from '../writer/encoded-rows';

/**
 * The rows of one request for the tables that describe a trace beyond its LLM calls and signals:
 * pipeline nodes, judgments and the messages of calls carried by events. Encoded where they are built
 * (a worker for traces), so the thread that holds the engine only moves bytes.
 */
export interface EncodedDetails {
  pipeline_nodes: EncodedTable;
  judgments: EncodedTable;
  interaction_messages: EncodedTable;
}

export interface DetailObjects {
  nodes: PipelineNodeRow[];
  judgments: JudgmentRow[];
  messages: InteractionMessagesRow[];
}

export const DETAIL_TABLES = ['pipeline_nodes', 'judgments', 'interaction_messages'] as const;
export type DetailTable = (typeof DETAIL_TABLES)[number];

export function encodeDetails(rows: DetailObjects): EncodedDetails {
  return {
    pipeline_nodes: table(rows.nodes, (r) => r.span_id),
    judgments: table(rows.judgments, (r) => `(judgment ${r.metric} of ${r.request_id})`),
    interaction_messages: table(rows.messages, (r) => `(messages of span ${r.span_id})`),
  };
}

/** Rows across the three tables: what the writer's queue counts. */
export function detailCount(rows: EncodedDetails): number {
  return DETAIL_TABLES.reduce((sum, t) => sum + rows[t].ends.length, 0);
}

function table<R extends object>(rows: R[], label: (row: R) => string): EncodedTable {
  return { ...encodeJsonLines(rows), labels: rows.map(label) };
}
