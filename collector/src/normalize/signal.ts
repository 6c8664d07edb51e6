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
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_USER_ID,
  EVENT_GEN_AI_EVALUATION_RESULT,
  PREFIX_OPENINFERENCE_ANNOTATIONS,
  SIGNAL_KINDS,
  isSignalKind,
} from '@flywheel/semconv';
import type { SignalRow } from '@flywheel/storage';
import type { Attributes, DecodedSpan } from '../otlp/span';
import { bool, num, str } from './attrs';
import { extraAttributes } from './extra-attributes';
import { isExplicitKind, kindOfEvaluation } from './signal-kind';
import { SpanRejection, requireIds, requireTimes, spanTime } from './validate';

/** A `flywheel.signal` span: the feedback the instrumentation or an app recorded for a response. */
export function signalFromSpan(span: DecodedSpan, projectId: string, nowNs: bigint): SignalRow {
  requireIds(span);
  requireTimes(span, nowNs);
  const a = span.attributes;
  const requestId = str(a, ATTR_FLYWHEEL_REQUEST_ID, ATTR_GEN_AI_RESPONSE_ID);
  if (!requestId) throw new SpanRejection(`${ATTR_FLYWHEEL_REQUEST_ID} is missing on a flywheel.signal span`);
  const rawKind =
    str(a, ATTR_FLYWHEEL_SIGNAL_KIND) ?? str(a, ATTR_GEN_AI_EVALUATION_NAME)?.replace(/^flywheel\./, '');
  if (!isSignalKind(rawKind)) {
    throw new SpanRejection(
      `${ATTR_FLYWHEEL_SIGNAL_KIND} ${JSON.stringify(rawKind ?? null)} is not one of ${SIGNAL_KINDS.join(', ')}`,
    );
  }
  const value = num(a, ATTR_FLYWHEEL_SIGNAL_VALUE, ATTR_GEN_AI_EVALUATION_SCORE_VALUE);
  const backfilled = signalTime(a);
  return {
    project_id: projectId,
    request_id: requestId,
    signal_id: `span:${span.traceId}:${span.spanId}`,
    time:
      backfilled === undefined
        ? spanTime(span.startNs, 'startTimeUnixNano', nowNs)
        : spanTime(backfilled, ATTR_FLYWHEEL_SIGNAL_TIME, nowNs),
    kind: rawKind,
    value: value ?? null,
    correction: str(a, ATTR_FLYWHEEL_SIGNAL_CORRECTION) ?? '',
    explicit: bool(a, ATTR_FLYWHEEL_SIGNAL_EXPLICIT) ?? isExplicitKind(rawKind),
    user_id: str(a, ATTR_FLYWHEEL_USER_ID, ATTR_USER_ID) ?? '',
    source: 'span',
    trace_id: span.traceId,
    span_id: span.spanId,
    attributes: extraAttributes(a),
  };
}

/**
 * Signals carried as `gen_ai.evaluation.result` events or OpenInference `annotations.N.annotation.*`
 * attributes on any span. They refer to `requestId` (the enclosing LLM span's) unless they name their own.
 */
export function signalsFromEvaluations(
  span: DecodedSpan,
  projectId: string,
  requestId: string | undefined,
  nowNs: bigint,
): SignalRow[] {
  const rows: SignalRow[] = [];
  span.events.forEach((event, index) => {
    if (event.name !== EVENT_GEN_AI_EVALUATION_RESULT) return;
    const a = event.attributes;
    const kind = kindOfEvaluation(
      str(a, ATTR_GEN_AI_EVALUATION_NAME) ?? '',
      str(a, ATTR_GEN_AI_EVALUATION_SCORE_LABEL),
      num(a, ATTR_GEN_AI_EVALUATION_SCORE_VALUE),
    );
    if (!kind) return;
    const target = str(a, ATTR_FLYWHEEL_REQUEST_ID, ATTR_GEN_AI_RESPONSE_ID) ?? requestId;
    if (!target) throw new SpanRejection(`${EVENT_GEN_AI_EVALUATION_RESULT} event ${index} names no request`);
    const time =
      event.timeNs > 0n
        ? spanTime(event.timeNs, `events[${index}].timeUnixNano`, nowNs)
        : spanTime(span.startNs, 'startTimeUnixNano', nowNs);
    rows.push(
      evaluationRow(
        span,
        projectId,
        target,
        kind,
        `event:${span.traceId}:${span.spanId}:${index}`,
        time,
        a,
        'evaluation_event',
      ),
    );
  });
  for (const [index, annotation] of annotations(span.attributes)) {
    const kind = kindOfEvaluation(annotation.name ?? '', annotation.label, annotation.score);
    if (!kind) continue;
    if (!requestId) throw new SpanRejection(`${PREFIX_OPENINFERENCE_ANNOTATIONS}${index} names no request`);
    const id = `annotation:${span.traceId}:${span.spanId}:${index}`;
    const time =
      span.endNs > 0n
        ? spanTime(span.endNs, 'endTimeUnixNano', nowNs)
        : spanTime(span.startNs, 'startTimeUnixNano', nowNs);
    rows.push(evaluationRow(span, projectId, requestId, kind, id, time, {}, 'annotation', annotation.score));
  }
  return rows;
}

function evaluationRow(
  span: DecodedSpan,
  projectId: string,
  requestId: string,
  kind: SignalRow['kind'],
  signalId: string,
  time: string,
  a: Attributes,
  source: string,
  score?: number,
): SignalRow {
  requireIds(span); // the signal id is derived from the span's ids
  return {
    project_id: projectId,
    request_id: requestId,
    signal_id: signalId,
    time,
    kind,
    value: score ?? num(a, ATTR_GEN_AI_EVALUATION_SCORE_VALUE) ?? null,
    correction: str(a, ATTR_FLYWHEEL_SIGNAL_CORRECTION) ?? '',
    explicit: isSignalKind(kind) && isExplicitKind(kind),
    user_id: str(a, ATTR_FLYWHEEL_USER_ID, ATTR_USER_ID) ?? '',
    source,
    trace_id: span.traceId,
    span_id: span.spanId,
    attributes: extraAttributes(a),
  };
}

interface Annotation {
  name?: string;
  label?: string;
  score?: number;
}

/**
 * Groups `annotations.N.annotation.{name,label,score}` attributes by N (the key is N, as signal ids
 * have always used it), and the earlier OpenInference `evaluations.N.evaluation.*` by `eN`.
 */
function annotations(a: Attributes): Map<string, Annotation> {
  const out = new Map<string, Annotation>();
  for (const key of Object.keys(a)) {
    const match = /^(annotations|evaluations)\.(\d+)\.(?:annotation|evaluation)\.(name|label|score)$/.exec(
      key,
    );
    if (!match) continue;
    const id = match[1] === 'annotations' ? String(Number(match[2])) : `e${Number(match[2])}`;
    const entry = out.get(id) ?? {};
    if (match[3] === 'score') entry.score = num(a, key);
    else entry[match[3] as 'name' | 'label'] = str(a, key);
    out.set(id, entry);
  }
  return out;
}

/** `flywheel.signal.time` as Unix nanoseconds or an ISO 8601 string, for backfilled feedback. */
function signalTime(a: Attributes): bigint | undefined {
  const raw = a[ATTR_FLYWHEEL_SIGNAL_TIME];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw))
      throw new SpanRejection(`${ATTR_FLYWHEEL_SIGNAL_TIME} must be finite, got ${raw}`);
    return BigInt(Math.trunc(raw));
  }
  // Nanoseconds until 2299 have 20 digits; longer runs are not times (and BigInt of megabytes is slow).
  if (typeof raw === 'string' && /^\d{1,24}$/.test(raw)) return BigInt(raw);
  const ms = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(ms))
    throw new SpanRejection(`${ATTR_FLYWHEEL_SIGNAL_TIME} must be Unix nanoseconds or ISO 8601`);
  return BigInt(ms) * 1_000_000n;
}
