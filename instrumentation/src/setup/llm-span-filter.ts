import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_AI_MODEL_ID,
  ATTR_AI_OPERATION_ID,
  ATTR_FLYWHEEL_REQUEST_ID,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_SYSTEM,
  ATTR_OPENINFERENCE_SPAN_KIND,
  ATTR_TRACELOOP_SPAN_KIND,
  EVENT_GEN_AI_EVALUATION_RESULT,
  SPAN_NAME_FLYWHEEL_SIGNAL,
} from '@flywheel/semconv';

const LLM_MARKERS = [
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_SYSTEM,
  ATTR_OPENINFERENCE_SPAN_KIND,
  ATTR_AI_MODEL_ID,
  ATTR_AI_OPERATION_ID,
  ATTR_TRACELOOP_SPAN_KIND,
  ATTR_FLYWHEEL_REQUEST_ID,
];

/** Whether the collector would read anything from this span (docs/design.md §3). */
export function isFlywheelRelevant(span: ReadableSpan): boolean {
  if (span.name === SPAN_NAME_FLYWHEEL_SIGNAL) return true;
  if (LLM_MARKERS.some((key) => span.attributes[key] !== undefined)) return true;
  return span.events.some((event) => event.name === EVENT_GEN_AI_EVALUATION_RESULT);
}

/**
 * Added to an app's own tracer provider: Flywheel gets the LLM and signal spans, not the app's HTTP
 * and database spans, which it has no use for.
 */
export class LlmSpanFilterProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    if (isFlywheelRelevant(span)) this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
