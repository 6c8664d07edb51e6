import {
  ATTR_FLYWHEEL_REQUEST_ID,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_SERVICE_NAME,
  EVENT_FLYWHEEL_SIGNAL,
  EVENT_GEN_AI_EVALUATION_RESULT,
} from '@flywheel/semconv';
import type { InteractionMessagesRow, JudgmentRow, SignalRow } from '@flywheel/storage';
import type { DecodedLogRecord, DecodedResourceLogs } from '../otlp/log-record';
import { str } from './attrs';
import { clockNs, columnProblem, wellFormedRow } from './domain';
import { evaluationOf, isFeedback, judgmentRow } from './evaluation';
import { evaluationSignal, signalFromRecord } from './log-signal';
import { isMessageEvent, messagesRow } from './messages';
import { SpanRejection, spanTime } from './validate';

/** What a `/v1/logs` request's records became. */
export interface NormalizedLogs {
  signals: SignalRow[];
  judgments: JudgmentRow[];
  messages: InteractionMessagesRow[];
  /** Records that are no GenAI or Flywheel event (an app's ordinary logs): counted, not errors. */
  skipped: number;
  rejected: number;
  errors: string[];
}

/**
 * Turns decoded log records into rows: evaluation results into signals (user feedback) or judgments,
 * message events into the messages of their call, `flywheel.signal` events into signals. A record that
 * cannot be read or stored is rejected alone (OTLP partial success), as a span is on `/v1/traces`.
 */
export function normalizeLogs(
  resourceLogs: DecodedResourceLogs[],
  projectId: string,
  nowNs: bigint = clockNs(),
): NormalizedLogs {
  const out: NormalizedLogs = {
    signals: [],
    judgments: [],
    messages: [],
    skipped: 0,
    rejected: 0,
    errors: [],
  };
  for (const rl of resourceLogs) {
    const service = str(rl.resource, ATTR_SERVICE_NAME) ?? 'unknown_service';
    for (const record of rl.records) {
      try {
        normalizeRecord(record, service, projectId, nowNs, out);
      } catch (error) {
        if (!(error instanceof SpanRejection)) throw error;
        out.rejected++;
        out.errors.push(`log record ${record.index} '${record.eventName}': ${error.message}`);
      }
    }
  }
  return out;
}

function normalizeRecord(
  record: DecodedLogRecord,
  service: string,
  projectId: string,
  nowNs: bigint,
  out: NormalizedLogs,
): void {
  if (record.invalid) throw new SpanRejection(record.invalid);
  const name = record.eventName;
  const known =
    name === EVENT_GEN_AI_EVALUATION_RESULT || name === EVENT_FLYWHEEL_SIGNAL || isMessageEvent(name);
  if (!known) {
    out.skipped++;
    return;
  }
  if (record.timeNs === 0n) throw new SpanRejection('timeUnixNano is missing');
  const time = spanTime(record.timeNs, 'timeUnixNano', nowNs);
  if (name === EVENT_FLYWHEEL_SIGNAL) {
    out.signals.push(storable(signalFromRecord(record, projectId, time, nowNs)));
  } else if (name === EVENT_GEN_AI_EVALUATION_RESULT) {
    const evaluation = evaluationOf(record.attributes);
    // The interaction it judges: named by id, else the span the event was emitted in (the conventions
    // parent the event to the evaluated operation's span), which is the interaction's fallback id too.
    const requestId =
      str(record.attributes, ATTR_FLYWHEEL_REQUEST_ID, ATTR_GEN_AI_RESPONSE_ID) ??
      (record.spanId || undefined);
    if (!requestId)
      throw new SpanRejection(`names no request: no ${ATTR_GEN_AI_RESPONSE_ID} and no span context`);
    if (isFeedback(evaluation)) {
      out.signals.push(storable(evaluationSignal(record, evaluation, projectId, requestId, time)));
    } else {
      if (!evaluation.name) throw new SpanRejection('gen_ai.evaluation.name is missing');
      out.judgments.push(
        storable(
          judgmentRow(evaluation, {
            projectId,
            requestId,
            judgeId: service,
            traceId: record.traceId,
            spanId: record.spanId,
            time,
            source: 'evaluation_log',
          }),
        ),
      );
    }
  } else {
    if (!record.traceId || !record.spanId)
      throw new SpanRejection(`${name} is joined to its call by trace and span id, and carries none`);
    out.messages.push(storable(messagesRow(record, projectId, time)));
  }
}

function storable<R extends object>(row: R): R {
  const problem = columnProblem(row);
  if (problem) throw new SpanRejection(problem);
  return wellFormedRow(row);
}
