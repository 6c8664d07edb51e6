import { diag } from '@opentelemetry/api';
import { isSignalKind } from '@flywheel/semconv';
import type { SignalKind } from '@flywheel/semconv';
import { captureContentEnabled, flywheelLogger, flywheelTracer, signalsAsLogs } from '../config/settings';
import { getFlywheelContext } from '../context/scope';
import { hashUserId } from '../context/user-id';
import { safely } from '../internal/safe';
import type { EditTexts, FlywheelSignals, RecordSignalOptions, SignalOptions } from '../types';
import { normalizedEditDistance } from './edit-distance';
import { emitSignal, emitSignalLog } from './emit';

/**
 * Feedback is recorded from UI handlers, often long after the response; a bad argument is logged
 * (naming the field) and dropped rather than thrown into the handler.
 */
function record(kind: SignalKind, requestId: string, options: RecordSignalOptions = {}): void {
  if (!isSignalKind(kind)) {
    diag.warn(
      `@flywheel/instrumentation: signal dropped, "kind" is not a Flywheel signal kind: ${String(kind)}`,
    );
    return;
  }
  if (typeof requestId !== 'string' || requestId === '') {
    diag.warn(`@flywheel/instrumentation: ${kind} signal dropped, "requestId" must be a non-empty string`);
    return;
  }
  const time = toDate(options.time);
  if (options.time !== undefined && time === undefined) {
    diag.warn(`@flywheel/instrumentation: ${kind} signal dropped, "time" is not a valid date`);
    return;
  }
  if (options.value !== undefined && !Number.isFinite(options.value)) {
    diag.warn(`@flywheel/instrumentation: ${kind} signal dropped, "value" must be a finite number`);
    return;
  }
  safely(`recording a ${kind} signal`, () => {
    const userId = options.userId ?? getFlywheelContext()?.userId;
    const record = {
      kind,
      requestId,
      ...(options.value !== undefined ? { value: options.value } : {}),
      ...(options.correction !== undefined ? { correction: options.correction } : {}),
      ...(userId !== undefined ? { hashedUserId: hashUserId(userId) } : {}),
      ...(time !== undefined ? { time } : {}),
      ...(options.attributes !== undefined ? { attributes: options.attributes } : {}),
    };
    const emitOptions = { captureContent: captureContentEnabled() };
    if (signalsAsLogs()) emitSignalLog(flywheelLogger(), record, emitOptions);
    else emitSignal(flywheelTracer(), record, emitOptions);
  });
}

function toDate(time: SignalOptions['time']): Date | undefined {
  if (time === undefined) return undefined;
  const date = time instanceof Date ? time : new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function edit(requestId: string, texts: EditTexts, options?: SignalOptions): number {
  const value = normalizedEditDistance(String(texts.originalText ?? ''), String(texts.finalText ?? ''));
  record('edited', requestId, { ...options, value, correction: texts.finalText });
  return value;
}

/** One function per signal kind; each writes a `flywheel.signal` span. */
export const signals: FlywheelSignals = {
  thumbsUp: (requestId, options) => record('thumbs_up', requestId, options),
  thumbsDown: (requestId, options) => record('thumbs_down', requestId, options),
  accept: (requestId, options) => record('accepted', requestId, options),
  copy: (requestId, options) => record('copied', requestId, options),
  edit,
  correct: (requestId, correction, options) => record('corrected', requestId, { ...options, correction }),
  regenerate: (requestId, options) => record('regenerated', requestId, options),
  earlyTermination: (requestId, options) => record('early_termination', requestId, options),
  abandon: (requestId, options) => record('abandoned', requestId, options),
  delete: (requestId, options) => record('deleted', requestId, options),
  followUp: (requestId, options) => record('follow_up', requestId, options),
  record,
};
