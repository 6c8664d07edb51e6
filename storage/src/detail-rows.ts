/**
 * Rows of the tables that describe a trace beyond its LLM calls (migration 0009), exactly as stored.
 * Kept apart from rows.ts: the collector's workers load these too, and neither module loads the engine.
 */

/** A non-LLM span of a pipeline: an agent, workflow, tool, retrieval, chain or memory step. */
export interface PipelineNodeRow {
  project_id: string;
  trace_id: string;
  span_id: string;
  parent_span_id: string;
  time: string;
  node_type: PipelineNodeType;
  name: string;
  operation: string;
  service: string;
  status: 'ok' | 'error';
  error_message: string;
  duration_ms: number;
  agent_name: string;
  tool_name: string;
  document_count: number | null;
  document_scores: number[];
  attributes: Record<string, string>;
}

export const PIPELINE_NODE_TYPES = ['agent', 'workflow', 'tool', 'retrieval', 'chain', 'memory'] as const;
export type PipelineNodeType = (typeof PIPELINE_NODE_TYPES)[number];

/** Messages of one LLM call carried by an event, joined to the call by trace and span id at read time. */
export interface InteractionMessagesRow {
  project_id: string;
  trace_id: string;
  span_id: string;
  /** Stable per event, so a re-delivered event collapses. */
  event_id: string;
  time: string;
  event_name: string;
  /** JSON `[{role, content}]`, '' when the event carries none. */
  input_messages: string;
  output_messages: string;
  system_instructions: string;
  pii_kinds?: string[];
  attributes: Record<string, string>;
}

/** An automated verdict (`judgments`, 0005 and 0009): an evaluation that is not user feedback. */
export interface JudgmentRow {
  project_id: string;
  request_id: string;
  judge_id: string;
  metric: string;
  time: string;
  passed: boolean | null;
  score: number | null;
  label: string;
  explanation: string;
  trace_id: string;
  span_id: string;
  source: string;
}
