import { createHash } from 'node:crypto';
import {
  ATTR_FLYWHEEL_REQUEST_ID,
  ATTR_FLYWHEEL_SIGNAL_CORRECTION,
  ATTR_FLYWHEEL_SIGNAL_EXPLICIT,
  ATTR_FLYWHEEL_SIGNAL_KIND,
  ATTR_FLYWHEEL_SIGNAL_TIME,
  ATTR_FLYWHEEL_SIGNAL_VALUE,
  ATTR_FLYWHEEL_USER_ID,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_USER_ID,
  SIGNAL_KINDS,
  isSignalKind,
} from '@flywheel/semconv';
import type { SignalRow } from '@flywheel/storage';
import type { DecodedLogRecord } from '../otlp/log-record';
import { bool, num, str } from './attrs';
import type { Evaluation } from './evaluation';
import { extraAttributes } from './extra-attributes';
import { kindOfEvaluation, isExplicitKind } from './signal-kind';
import { SpanRejection, spanTime } from './validate';

/**
 * A `flywheel.signal` log event: the attributes of a signal span on a log record. Its id is a hash of
 * the record, so a re-delivered event is stored once while two signals on one span stay two.
 */
export function signalFromRecord(
  record: DecodedLogRecord,
  projectId: string,
  time: string,
  nowNs: bigint,
): SignalRow {
  const a = record.attributes;
  const requestId = str(a, ATTR_FLYWHEEL_REQUEST_ID, ATTR_GEN_AI_RESPONSE_ID);
  if (!requestId)
    throw new SpanRejection(`${ATTR_FLYWHEEL_REQUEST_ID} is missing on a flywheel.signal event`);
  const kind = str(a, ATTR_FLYWHEEL_SIGNAL_KIND);
  if (!isSignalKind(kind))
    throw new SpanRejection(
      `${ATTR_FLYWHEEL_SIGNAL_KIND} ${JSON.stringify(kind ?? null)} is not one of ${SIGNAL_KINDS.join(', ')}`,
    );
  const backfilled = num(a, ATTR_FLYWHEEL_SIGNAL_TIME);
  return {
    project_id: projectId,
    request_id: requestId,
    signal_id: `log:${recordHash(record)}`,
    time:
      backfilled === undefined
        ? time
        : spanTime(BigInt(Math.trunc(backfilled)), ATTR_FLYWHEEL_SIGNAL_TIME, nowNs),
    kind,
    value: num(a, ATTR_FLYWHEEL_SIGNAL_VALUE) ?? null,
    correction: str(a, ATTR_FLYWHEEL_SIGNAL_CORRECTION) ?? '',
    explicit: bool(a, ATTR_FLYWHEEL_SIGNAL_EXPLICIT) ?? isExplicitKind(kind),
    user_id: str(a, ATTR_FLYWHEEL_USER_ID, ATTR_USER_ID) ?? '',
    source: 'log',
    trace_id: record.traceId,
    span_id: record.spanId,
    attributes: extraAttributes(a),
  };
}

/** A `gen_ai.evaluation.result` log record that is user feedback (thumbs, a Flywheel kind). */
export function evaluationSignal(
  record: DecodedLogRecord,
  evaluation: Evaluation,
  projectId: string,
  requestId: string,
  time: string,
): SignalRow {
  const kind = kindOfEvaluation(evaluation.name, evaluation.label, evaluation.score)!;
  const a = record.attributes;
  return {
    project_id: projectId,
    request_id: requestId,
    signal_id: `log:${recordHash(record)}`,
    time,
    kind,
    value: evaluation.score ?? null,
    correction: str(a, ATTR_FLYWHEEL_SIGNAL_CORRECTION) ?? '',
    explicit: isExplicitKind(kind),
    user_id: str(a, ATTR_FLYWHEEL_USER_ID, ATTR_USER_ID) ?? '',
    source: 'evaluation_log',
    trace_id: record.traceId,
    span_id: record.spanId,
    attributes: extraAttributes(a),
  };
}

function recordHash(record: DecodedLogRecord): string {
  return createHash('sha256')
    .update(
      `${record.eventName}\n${record.traceId}\n${record.spanId}\n${record.timeNs}\n${JSON.stringify(record.body)}\n${JSON.stringify(record.attributes)}`,
    )
    .digest('hex')
    .slice(0, 32);
}
