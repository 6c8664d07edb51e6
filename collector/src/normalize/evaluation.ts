import {
  ATTR_FLYWHEEL_REQUEST_ID,
  ATTR_GEN_AI_EVALUATION_EXPLANATION,
  ATTR_GEN_AI_EVALUATION_NAME,
  ATTR_GEN_AI_EVALUATION_SCORE_LABEL,
  ATTR_GEN_AI_EVALUATION_SCORE_VALUE,
  ATTR_GEN_AI_RESPONSE_ID,
  EVENT_GEN_AI_EVALUATION_RESULT,
} from '@flywheel/semconv';
import type { JudgmentRow } from '@flywheel/storage';
import { redactText } from '../redact';
import type { Attributes, DecodedSpan } from '../otlp/span';
import { num, str } from './attrs';
import { kindOfEvaluation } from './signal-kind';
import { SpanRejection, requireIds, spanTime } from './validate';

/** One evaluation result, whichever form carried it (span event, log record, OpenInference attributes). */
export interface Evaluation {
  name: string;
  score?: number | undefined;
  label?: string | undefined;
  explanation?: string | undefined;
}

/** The evaluation an event's (or log record's) `gen_ai.evaluation.*` attributes describe. */
export function evaluationOf(a: Attributes): Evaluation {
  return {
    name: str(a, ATTR_GEN_AI_EVALUATION_NAME) ?? '',
    score: num(a, ATTR_GEN_AI_EVALUATION_SCORE_VALUE),
    label: str(a, ATTR_GEN_AI_EVALUATION_SCORE_LABEL),
    explanation: str(a, ATTR_GEN_AI_EVALUATION_EXPLANATION),
  };
}

/** Whether an evaluation is a user's feedback (a signal) rather than a verdict (a judgment). */
export const isFeedback = (e: Evaluation): boolean =>
  kindOfEvaluation(e.name, e.label, e.score) !== undefined;

/** Where a judgment came from and what it refers to. */
export interface JudgmentContext {
  projectId: string;
  requestId: string;
  /** The app or evaluator that reported it: judgments are kept per judge. */
  judgeId: string;
  traceId: string;
  spanId: string;
  time: string;
  source: 'evaluation_event' | 'evaluation_log' | 'annotation';
}

/**
 * A `judgments` row. `passed` stays null: the one verdict rule (api/src/queries/verdicts.ts) reads the
 * score or the label, as for judgments posted to the API. The explanation is redacted like any text
 * stored from a request.
 */
export function judgmentRow(evaluation: Evaluation, context: JudgmentContext): JudgmentRow {
  return {
    project_id: context.projectId,
    request_id: context.requestId,
    judge_id: context.judgeId,
    metric: evaluation.name,
    time: context.time,
    passed: null,
    score: evaluation.score ?? null,
    label: evaluation.label ?? '',
    explanation: evaluation.explanation ? redactText(evaluation.explanation).text : '',
    trace_id: context.traceId,
    span_id: context.spanId,
    source: context.source,
  };
}

/**
 * Verdicts recorded on a span: `gen_ai.evaluation.result` events and OpenInference
 * `annotations.N.annotation.*` / `evaluations.N.evaluation.*` that are not user feedback (those become
 * signals, see signal.ts). They refer to the span's own request unless they name one.
 */
export function judgmentsFromSpan(
  span: DecodedSpan,
  projectId: string,
  requestId: string | undefined,
  service: string,
  nowNs: bigint,
): JudgmentRow[] {
  const rows: JudgmentRow[] = [];
  const base = { projectId, judgeId: service, traceId: span.traceId, spanId: span.spanId };
  span.events.forEach((event, index) => {
    if (event.name !== EVENT_GEN_AI_EVALUATION_RESULT) return;
    const evaluation = evaluationOf(event.attributes);
    if (!evaluation.name || isFeedback(evaluation)) return;
    requireIds(span);
    const target = str(event.attributes, ATTR_FLYWHEEL_REQUEST_ID, ATTR_GEN_AI_RESPONSE_ID) ?? requestId;
    if (!target) throw new SpanRejection(`${EVENT_GEN_AI_EVALUATION_RESULT} event ${index} names no request`);
    const time = spanTime(
      event.timeNs > 0n ? event.timeNs : span.startNs,
      `events[${index}].timeUnixNano`,
      nowNs,
    );
    rows.push(judgmentRow(evaluation, { ...base, requestId: target, time, source: 'evaluation_event' }));
  });
  const annotated = spanEvaluations(span.attributes).filter((e) => e.name && !isFeedback(e));
  if (annotated.length > 0) {
    requireIds(span);
    if (!requestId) throw new SpanRejection('an annotation on a span that names no request');
    const time = spanTime(span.endNs > 0n ? span.endNs : span.startNs, 'endTimeUnixNano', nowNs);
    for (const evaluation of annotated)
      rows.push(judgmentRow(evaluation, { ...base, requestId, time, source: 'annotation' }));
  }
  return rows;
}

const SPAN_EVALUATION =
  /^(annotations|evaluations)\.(\d+)\.(annotation|evaluation)\.(name|label|score|explanation)$/;

/**
 * OpenInference evaluations written as span attributes: `annotations.N.annotation.{name,label,score,
 * explanation}` and the earlier `evaluations.N.evaluation.*`, in order of N.
 */
export function spanEvaluations(a: Attributes): Evaluation[] {
  const byIndex = new Map<string, Evaluation>();
  for (const key of Object.keys(a)) {
    const match = SPAN_EVALUATION.exec(key);
    if (!match) continue;
    const id = `${match[1]}.${match[2]!.padStart(6, '0')}`;
    const entry = byIndex.get(id) ?? { name: '' };
    if (match[4] === 'score') entry.score = num(a, key);
    else if (match[4] === 'name') entry.name = str(a, key) ?? '';
    else entry[match[4] as 'label' | 'explanation'] = str(a, key);
    byIndex.set(id, entry);
  }
  return [...byIndex.keys()].sort().map((id) => byIndex.get(id)!);
}
