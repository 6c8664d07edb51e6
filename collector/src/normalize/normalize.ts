import {
  ATTR_FLYWHEEL_REQUEST_ID,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_SERVICE_NAME,
  PREFIX_OPENINFERENCE_ANNOTATIONS,
  PREFIX_OPENINFERENCE_EVALUATIONS,
} from '@flywheel/semconv';
import type { InteractionRow, JudgmentRow, PipelineNodeRow, SignalRow } from '@flywheel/storage';
import type { DecodedResourceSpans, DecodedSpan } from '../otlp/span';
import { str } from './attrs';
import { classifySpan } from './classify';
import { clockNs, columnProblem, wellFormedRow } from './domain';
import { judgmentsFromSpan } from './evaluation';
import { toInteraction } from './interaction';
import { nodeTypeOf, toNode } from './node';
import { signalFromSpan, signalsFromEvaluations } from './signal';
import { SpanRejection } from './validate';

export interface NormalizedBatch {
  interactions: InteractionRow[];
  signals: SignalRow[];
  /** Agent, workflow, tool, retrieval, chain and memory spans. */
  nodes: PipelineNodeRow[];
  /** Evaluation results that are verdicts, not user feedback. */
  judgments: JudgmentRow[];
  /** Spans that are neither LLM calls, signals nor pipeline steps: counted, not errors. */
  skipped: number;
  rejected: number;
  /** One line per rejected span naming what was wrong (the first few are returned to the sender). */
  errors: string[];
}

/**
 * Turns decoded OTLP spans into rows. A span that cannot be read, or whose values the tables cannot
 * hold, is rejected alone. `nowNs` is the server's clock, which bounds how far ahead a time may be.
 */
export function normalize(
  resourceSpans: DecodedResourceSpans[],
  projectId: string,
  nowNs: bigint = clockNs(),
): NormalizedBatch {
  const batch: NormalizedBatch = {
    interactions: [],
    signals: [],
    nodes: [],
    judgments: [],
    skipped: 0,
    rejected: 0,
    errors: [],
  };
  for (const rs of resourceSpans) {
    const service = str(rs.resource, ATTR_SERVICE_NAME) ?? 'unknown_service';
    rs.spans.forEach((span) => {
      try {
        normalizeSpan(span, service, projectId, nowNs, batch);
      } catch (error) {
        if (!(error instanceof SpanRejection)) throw error;
        batch.rejected++;
        batch.errors.push(`span ${span.spanId || '(no id)'} '${span.name}': ${error.message}`);
      }
    });
  }
  return batch;
}

function normalizeSpan(
  span: DecodedSpan,
  service: string,
  projectId: string,
  nowNs: bigint,
  batch: NormalizedBatch,
): void {
  if (span.invalid) throw new SpanRejection(span.invalid);
  const kind = classifySpan(span);
  if (kind === 'signal') {
    batch.signals.push(storable(signalFromSpan(span, projectId, nowNs)));
    return;
  }
  // Build every row of the span before pushing any, so a rejected span leaves nothing behind.
  const interaction = kind === 'llm' ? storable(toInteraction(span, service, projectId, nowNs)) : undefined;
  const nodeType = kind === 'other' ? nodeTypeOf(span) : undefined;
  const node = nodeType ? storable(toNode(span, nodeType, service, projectId, nowNs)) : undefined;
  const requestId =
    interaction?.request_id ?? str(span.attributes, ATTR_FLYWHEEL_REQUEST_ID, ATTR_GEN_AI_RESPONSE_ID);
  const evaluated = span.events.length > 0 || hasAnnotations(span);
  const evaluations = evaluated
    ? signalsFromEvaluations(span, projectId, requestId, nowNs).map(storable)
    : [];
  const judgments = evaluated
    ? judgmentsFromSpan(span, projectId, requestId, service, nowNs).map(storable)
    : [];
  if (interaction) batch.interactions.push(interaction);
  else if (node) batch.nodes.push(node);
  else if (evaluations.length === 0 && judgments.length === 0) batch.skipped++;
  batch.signals.push(...evaluations);
  batch.judgments.push(...judgments);
}

/** The row as the engine can read it: strings repaired, numbers checked against their column types. */
function storable<R extends object>(row: R): R {
  const problem = columnProblem(row);
  if (problem) throw new SpanRejection(problem);
  return wellFormedRow(row);
}

function hasAnnotations(span: DecodedSpan): boolean {
  for (const key in span.attributes)
    if (key.startsWith(PREFIX_OPENINFERENCE_ANNOTATIONS) || key.startsWith(PREFIX_OPENINFERENCE_EVALUATIONS))
      return true;
  return false;
}
