import {
  ATTR_AI_MODEL_ID,
  ATTR_AI_OPERATION_ID,
  ATTR_FLYWHEEL_SIGNAL_KIND,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_SYSTEM,
  ATTR_LLM_REQUEST_TYPE,
  ATTR_OPENINFERENCE_SPAN_KIND,
  ATTR_TRACELOOP_SPAN_KIND,
  GEN_AI_OPERATION_CREATE_AGENT,
  GEN_AI_OPERATION_EXECUTE_TOOL,
  GEN_AI_OPERATION_INVOKE_AGENT,
  GEN_AI_OPERATION_INVOKE_WORKFLOW,
  GEN_AI_OPERATION_MEMORY_MARKER,
  GEN_AI_OPERATION_RETRIEVAL,
  SPAN_NAME_FLYWHEEL_SIGNAL,
} from '@flywheel/semconv';
import type { DecodedSpan } from '../otlp/span';
import { str } from './attrs';

export type SpanClass = 'llm' | 'signal' | 'other';

// GenAI operations that wrap model calls or are steps beside them (pipeline nodes, see node.ts);
// counting them as calls would double count.
const NON_CALL_OPERATIONS = new Set([
  GEN_AI_OPERATION_EXECUTE_TOOL,
  GEN_AI_OPERATION_CREATE_AGENT,
  GEN_AI_OPERATION_INVOKE_AGENT,
  GEN_AI_OPERATION_INVOKE_WORKFLOW,
  GEN_AI_OPERATION_RETRIEVAL,
]);
// Vercel AI SDK: `ai.generateText` wraps `ai.generateText.doGenerate`; only the inner span is the call.
const VERCEL_CALL_SUFFIXES = ['.doGenerate', '.doStream', '.doEmbed'];

/**
 * Decides what a span is. Recognition follows docs/design.md §3; wrapper spans of agents, workflows and tools
 * carry some of the same attributes but are not LLM calls, so they are skipped.
 */
export function classifySpan(span: DecodedSpan): SpanClass {
  const a = span.attributes;
  if (span.name === SPAN_NAME_FLYWHEEL_SIGNAL || a[ATTR_FLYWHEEL_SIGNAL_KIND] !== undefined) return 'signal';
  const vercelOperation = str(a, ATTR_AI_OPERATION_ID);
  if (vercelOperation !== undefined) {
    return VERCEL_CALL_SUFFIXES.some((s) => vercelOperation.endsWith(s)) ? 'llm' : 'other';
  }
  const operation = str(a, ATTR_GEN_AI_OPERATION_NAME);
  if (operation !== undefined)
    return NON_CALL_OPERATIONS.has(operation) || operation.includes(GEN_AI_OPERATION_MEMORY_MARKER)
      ? 'other'
      : 'llm';
  const openInferenceKind = str(a, ATTR_OPENINFERENCE_SPAN_KIND);
  if (openInferenceKind !== undefined) return openInferenceKind.toUpperCase() === 'LLM' ? 'llm' : 'other';
  if (str(a, ATTR_LLM_REQUEST_TYPE) !== undefined) return 'llm';
  const traceloopKind = str(a, ATTR_TRACELOOP_SPAN_KIND);
  if (traceloopKind !== undefined) return traceloopKind === 'llm' ? 'llm' : 'other';
  if (str(a, ATTR_GEN_AI_SYSTEM, ATTR_AI_MODEL_ID) !== undefined) return 'llm';
  return 'other';
}
