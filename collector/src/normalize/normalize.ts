import { ATTR_FLYWHEEL_REQUEST_ID, ATTR_GEN_AI_RESPONSE_ID, ATTR_SERVICE_NAME } from '@flywheel/semconv';
import type { InteractionRow, SignalRow } from '@flywheel/storage';
import type { DecodedResourceSpans, DecodedSpan } from '../otlp/span';
import { str } from './attrs';
import { classifySpan } from './classify';
import { clockNs, columnProblem, wellFormedRow } from './domain';
import { toInteraction } from './interaction';
import { signalFromSpan, signalsFromEvaluations } from './signal';
import { SpanRejection } from './validate';

export interface NormalizedBatch {
  interactions: InteractionRow[];
  signals: SignalRow[];
  /** Spans that are neither LLM calls nor signals: counted, not errors. */
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
  const batch: NormalizedBatch = { interactions: [], signals: [], skipped: 0, rejected: 0, errors: [] };
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
  const requestId =
    interaction?.request_id ?? str(span.attributes, ATTR_FLYWHEEL_REQUEST_ID, ATTR_GEN_AI_RESPONSE_ID);
  const evaluations =
    span.events.length > 0 || hasAnnotations(span)
      ? signalsFromEvaluations(span, projectId, requestId, nowNs).map(storable)
      : [];
  if (interaction) batch.interactions.push(interaction);
  else if (evaluations.length === 0) batch.skipped++;
  batch.signals.push(...evaluations);
}

/** The row as the engine can read it: strings repaired, numbers checked against their column types. */
function storable<R extends object>(row: R): R {
  const problem = columnProblem(row);
  if (problem) throw new SpanRejection(problem);
  return wellFormedRow(row);
}

function hasAnnotations(span: DecodedSpan): boolean {
  for (const key in span.attributes) if (key.startsWith('annotations.')) return true;
  return false;
}
