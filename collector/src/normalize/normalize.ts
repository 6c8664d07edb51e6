import { ATTR_FLYWHEEL_REQUEST_ID, ATTR_GEN_AI_RESPONSE_ID, ATTR_SERVICE_NAME } from '@flywheel/semconv';
import type { InteractionRow, SignalRow } from '@flywheel/storage';
import type { DecodedResourceSpans, DecodedSpan } from '../otlp/span';
import { str } from './attrs';
import { classifySpan } from './classify';
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

/** Turns decoded OTLP spans into rows. A span that cannot be read is rejected alone. */
export function normalize(resourceSpans: DecodedResourceSpans[], projectId: string): NormalizedBatch {
  const batch: NormalizedBatch = { interactions: [], signals: [], skipped: 0, rejected: 0, errors: [] };
  for (const rs of resourceSpans) {
    const service = str(rs.resource, ATTR_SERVICE_NAME) ?? 'unknown_service';
    rs.spans.forEach((span) => {
      try {
        normalizeSpan(span, service, projectId, batch);
      } catch (error) {
        if (!(error instanceof SpanRejection)) throw error;
        batch.rejected++;
        batch.errors.push(`span ${span.spanId || '(no id)'} '${span.name}': ${error.message}`);
      }
    });
  }
  return batch;
}

function normalizeSpan(span: DecodedSpan, service: string, projectId: string, batch: NormalizedBatch): void {
  const kind = classifySpan(span);
  if (kind === 'signal') {
    batch.signals.push(signalFromSpan(span, projectId));
    return;
  }
  // Build every row of the span before pushing any, so a rejected span leaves nothing behind.
  const interaction = kind === 'llm' ? toInteraction(span, service, projectId) : undefined;
  const requestId =
    interaction?.request_id ?? str(span.attributes, ATTR_FLYWHEEL_REQUEST_ID, ATTR_GEN_AI_RESPONSE_ID);
  const evaluations =
    span.events.length > 0 || hasAnnotations(span) ? signalsFromEvaluations(span, projectId, requestId) : [];
  if (interaction) batch.interactions.push(interaction);
  else if (evaluations.length === 0) batch.skipped++;
  batch.signals.push(...evaluations);
}

function hasAnnotations(span: DecodedSpan): boolean {
  for (const key in span.attributes) if (key.startsWith('annotations.')) return true;
  return false;
}
