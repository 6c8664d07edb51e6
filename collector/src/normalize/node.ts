import {
  AI_OPERATION_TOOL_CALL,
  ATTR_AGENT_NAME,
  ATTR_AI_TOOL_CALL_NAME,
  ATTR_DB_QUERY_RESULT_SCORE,
  EVENT_DB_QUERY_RESULT,
  ATTR_AI_OPERATION_ID,
  ATTR_GEN_AI_AGENT_NAME,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_RETRIEVAL_DOCUMENTS,
  ATTR_GEN_AI_TOOL_NAME,
  ATTR_GEN_AI_WORKFLOW_NAME,
  ATTR_OPENINFERENCE_SPAN_KIND,
  ATTR_TOOL_NAME,
  ATTR_TRACELOOP_ENTITY_NAME,
  ATTR_TRACELOOP_SPAN_KIND,
  GEN_AI_OPERATION_CREATE_AGENT,
  GEN_AI_OPERATION_EXECUTE_TOOL,
  GEN_AI_OPERATION_INVOKE_AGENT,
  GEN_AI_OPERATION_INVOKE_WORKFLOW,
  GEN_AI_OPERATION_MEMORY_MARKER,
  GEN_AI_OPERATION_RETRIEVAL,
  PREFIX_RETRIEVAL_DOCUMENTS,
} from '@flywheel/semconv';
import type { PipelineNodeRow, PipelineNodeType } from '@flywheel/storage';
import { STATUS_CODE_ERROR, type DecodedSpan } from '../otlp/span';
import { num, str, structured } from './attrs';
import { extraAttributes } from './extra-attributes';
import { requireIds, requireTimes, spanTime } from './validate';

const GEN_AI_OPERATIONS: Record<string, PipelineNodeType> = {
  [GEN_AI_OPERATION_INVOKE_AGENT]: 'agent',
  [GEN_AI_OPERATION_CREATE_AGENT]: 'agent',
  [GEN_AI_OPERATION_INVOKE_WORKFLOW]: 'workflow',
  [GEN_AI_OPERATION_EXECUTE_TOOL]: 'tool',
  [GEN_AI_OPERATION_RETRIEVAL]: 'retrieval',
};
const OPENINFERENCE_KINDS: Record<string, PipelineNodeType> = {
  AGENT: 'agent',
  CHAIN: 'chain',
  TOOL: 'tool',
  RETRIEVER: 'retrieval',
  RERANKER: 'retrieval',
  GUARDRAIL: 'chain',
};
const TRACELOOP_KINDS: Record<string, PipelineNodeType> = {
  workflow: 'workflow',
  task: 'chain',
  agent: 'agent',
  tool: 'tool',
};
// Vercel AI SDK: a tool call, and the calls that wrap the model's `.doGenerate` / `.doStream` spans.
const VERCEL_WRAPPERS = ['ai.generateText', 'ai.streamText', 'ai.generateObject', 'ai.streamObject'];

/**
 * What step of a pipeline a span that is not an LLM call stands for, or undefined for spans that are
 * no step (HTTP, database, the app's own). First convention present wins, as for interactions.
 */
export function nodeTypeOf(span: DecodedSpan): PipelineNodeType | undefined {
  const a = span.attributes;
  const vercel = str(a, ATTR_AI_OPERATION_ID);
  if (vercel !== undefined) {
    if (vercel === AI_OPERATION_TOOL_CALL) return 'tool';
    return VERCEL_WRAPPERS.includes(vercel) ? 'chain' : undefined;
  }
  const operation = str(a, ATTR_GEN_AI_OPERATION_NAME);
  if (operation !== undefined) {
    if (GEN_AI_OPERATIONS[operation]) return GEN_AI_OPERATIONS[operation];
    return operation.includes(GEN_AI_OPERATION_MEMORY_MARKER) ? 'memory' : undefined;
  }
  const openInference = str(a, ATTR_OPENINFERENCE_SPAN_KIND)?.toUpperCase();
  if (openInference !== undefined) return OPENINFERENCE_KINDS[openInference];
  const traceloop = str(a, ATTR_TRACELOOP_SPAN_KIND);
  return traceloop !== undefined ? TRACELOOP_KINDS[traceloop] : undefined;
}

/** The `pipeline_nodes` row of a step span. */
export function toNode(
  span: DecodedSpan,
  type: PipelineNodeType,
  service: string,
  projectId: string,
  nowNs: bigint,
): PipelineNodeRow {
  requireIds(span);
  requireTimes(span, nowNs);
  const a = span.attributes;
  const toolName = str(a, ATTR_GEN_AI_TOOL_NAME, ATTR_TOOL_NAME, ATTR_AI_TOOL_CALL_NAME) ?? '';
  const agentName = str(a, ATTR_GEN_AI_AGENT_NAME, ATTR_AGENT_NAME) ?? '';
  const scores = documentScores(span);
  const error = span.status.code === STATUS_CODE_ERROR;
  return {
    project_id: projectId,
    trace_id: span.traceId,
    span_id: span.spanId,
    parent_span_id: span.parentSpanId,
    time: spanTime(span.startNs, 'startTimeUnixNano', nowNs),
    node_type: type,
    name:
      (type === 'tool' ? toolName : '') ||
      (type === 'agent' ? agentName : '') ||
      str(a, ATTR_GEN_AI_WORKFLOW_NAME, ATTR_TRACELOOP_ENTITY_NAME) ||
      span.name,
    operation:
      str(a, ATTR_GEN_AI_OPERATION_NAME, ATTR_OPENINFERENCE_SPAN_KIND, ATTR_TRACELOOP_SPAN_KIND) ?? '',
    service,
    status: error ? 'error' : 'ok',
    error_message: error ? span.status.message : '',
    duration_ms: Number(span.endNs - span.startNs) / 1e6,
    agent_name: agentName,
    tool_name: toolName,
    document_count: scores?.count ?? null,
    document_scores: scores?.scores ?? [],
    // The span kind tells a remote agent (CLIENT) from one in the same process (INTERNAL).
    attributes: { ...extraAttributes(a), 'span.kind': SPAN_KIND_NAMES[span.kind] ?? 'unspecified' },
  };
}

const SPAN_KIND_NAMES = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];

/** Retrieved documents: how many, and the scores of those that have one. */
function documentScores(span: DecodedSpan): { count: number; scores: number[] } | undefined {
  const a = span.attributes;
  const listed = structured(a, ATTR_GEN_AI_RETRIEVAL_DOCUMENTS);
  if (Array.isArray(listed)) {
    const scores = listed.flatMap((d) =>
      d && typeof d === 'object' && typeof (d as { score?: unknown }).score === 'number'
        ? [(d as { score: number }).score]
        : [],
    );
    return { count: listed.length, scores: scores.filter(Number.isFinite) };
  }
  const indexes = new Map<number, number | undefined>();
  for (const key of Object.keys(a)) {
    if (!key.startsWith(PREFIX_RETRIEVAL_DOCUMENTS)) continue;
    const index = Number(key.slice(PREFIX_RETRIEVAL_DOCUMENTS.length).split('.')[0]);
    if (!Number.isInteger(index)) continue;
    const score = key.endsWith('.document.score') ? num(a, key) : undefined;
    indexes.set(index, score ?? indexes.get(index));
  }
  if (indexes.size > 0) {
    const ordered = [...indexes.entries()].sort(([x], [y]) => x - y).map(([, s]) => s);
    return { count: indexes.size, scores: ordered.filter((s): s is number => s !== undefined) };
  }
  const hits = span.events.filter((e) => e.name === EVENT_DB_QUERY_RESULT);
  if (hits.length === 0) return undefined;
  return {
    count: hits.length,
    scores: hits.map((e) => num(e.attributes, ATTR_DB_QUERY_RESULT_SCORE)).filter((s) => s !== undefined),
  };
}
