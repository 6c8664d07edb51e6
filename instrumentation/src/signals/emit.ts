import { SpanKind } from '@opentelemetry/api';
import type { Attributes, Context, Tracer } from '@opentelemetry/api';
import type { AnyValueMap, Logger } from '@opentelemetry/api-logs';
import {
  ATTR_FLYWHEEL_REQUEST_ID,
  ATTR_FLYWHEEL_SIGNAL_CORRECTION,
  ATTR_FLYWHEEL_SIGNAL_EXPLICIT,
  ATTR_FLYWHEEL_SIGNAL_KIND,
  ATTR_FLYWHEEL_SIGNAL_TIME,
  ATTR_FLYWHEEL_SIGNAL_VALUE,
  ATTR_FLYWHEEL_USER_ID,
  ATTR_GEN_AI_EVALUATION_NAME,
  ATTR_GEN_AI_EVALUATION_SCORE_LABEL,
  ATTR_GEN_AI_EVALUATION_SCORE_VALUE,
  EVENT_FLYWHEEL_SIGNAL,
  SPAN_NAME_FLYWHEEL_SIGNAL,
} from '@flywheel/semconv';
import type { SignalKind } from '@flywheel/semconv';
import { isExplicitSignal, signalPolarity } from '@flywheel/semconv';

export interface SignalRecord {
  kind: SignalKind;
  requestId: string;
  value?: number;
  correction?: string;
  /** Already pseudonymised. */
  hashedUserId?: string;
  time?: Date;
  attributes?: Attributes;
}

export interface EmitOptions {
  captureContent: boolean;
  parent?: Context;
}

/**
 * Writes one `flywheel.signal` span. The correction is user-written text, so it follows the
 * content-capture switch like prompts and responses do.
 */
export function emitSignal(tracer: Tracer, signal: SignalRecord, options: EmitOptions): void {
  const attributes = signalAttributes(signal, options);
  const span = tracer.startSpan(
    SPAN_NAME_FLYWHEEL_SIGNAL,
    { kind: SpanKind.INTERNAL, attributes, ...(signal.time !== undefined ? { startTime: signal.time } : {}) },
    options.parent,
  );
  span.end(signal.time);
}

/** Writes one `flywheel.signal` log event with the same attributes as the span would carry. */
export function emitSignalLog(logger: Logger, signal: SignalRecord, options: EmitOptions): void {
  logger.emit({
    eventName: EVENT_FLYWHEEL_SIGNAL,
    // Span attribute values are a subset of log attribute values (no undefined is ever set here).
    attributes: signalAttributes(signal, options) as AnyValueMap,
    ...(signal.time !== undefined ? { timestamp: signal.time } : {}),
    ...(options.parent !== undefined ? { context: options.parent } : {}),
  });
}

function signalAttributes(signal: SignalRecord, options: EmitOptions): Attributes {
  const polarity = signalPolarity(signal.kind, signal.value);
  const attributes: Attributes = {
    ...signal.attributes,
    [ATTR_FLYWHEEL_REQUEST_ID]: signal.requestId,
    [ATTR_FLYWHEEL_SIGNAL_KIND]: signal.kind,
    [ATTR_FLYWHEEL_SIGNAL_EXPLICIT]: isExplicitSignal(signal.kind),
    [ATTR_GEN_AI_EVALUATION_NAME]: `flywheel.${signal.kind}`,
    [ATTR_GEN_AI_EVALUATION_SCORE_VALUE]: signal.value ?? polarity,
    [ATTR_GEN_AI_EVALUATION_SCORE_LABEL]: polarity === 1 ? 'positive' : 'negative',
  };
  if (signal.value !== undefined) attributes[ATTR_FLYWHEEL_SIGNAL_VALUE] = signal.value;
  if (signal.correction !== undefined && options.captureContent) {
    attributes[ATTR_FLYWHEEL_SIGNAL_CORRECTION] = signal.correction;
  }
  if (signal.hashedUserId !== undefined) attributes[ATTR_FLYWHEEL_USER_ID] = signal.hashedUserId;
  if (signal.time !== undefined) attributes[ATTR_FLYWHEEL_SIGNAL_TIME] = signal.time.toISOString();
  return attributes;
}
