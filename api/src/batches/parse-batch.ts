import { encodeJsonLines } from '@flywheel/storage/insert-lines';
import { isoToEventTime, type EventTime } from '../analytics/time';
import { evalsBody, itemsOf, judgmentsBody, reviewsBody } from '../contract/labels';
import { evalRow, judgmentRow, reviewRow, type LabelTable } from '../queries/label-rows';
import { issueMessage } from '../routes/validation';

// Runs on worker threads for large bodies (batch-parser.ts), so nothing imported here may load the
// engine: chDB binds one data directory per process and must stay on the main thread.

/** A batch body of `POST /api/v1/reviews`, `/judgments` or `/evals`, as it was received. */
export interface BatchTask {
  table: LabelTable;
  /** The body's bytes; its nesting depth was checked already (guards/body-limits.ts). */
  body: Uint8Array;
  projectId: string;
  /** When the request was received: the time of items sent without one. */
  received: EventTime;
}

export type BatchResult =
  /** The body is not JSON. */
  | { malformed: true }
  /** The first problem, named by its path as the validation hook names it: `reviews[4137].time: …`. */
  | { invalid: string }
  /** Valid: the rows to insert, encoded as JSONEachRow, and the reviewed requests (reviews only). */
  | { accepted: number; lines: Uint8Array; requestIds: string[] };

// Decoded as the request's `text()` decodes: UTF-8, bad sequences replaced, a byte-order mark dropped.
const decoder = new TextDecoder();

/**
 * Parses, validates (with the contract's schema of the route) and encodes a batch body. The same work
 * the route's contract validator and handler did, in one function that can run off the event loop.
 */
export function parseBatch(task: BatchTask): BatchResult {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(task.body));
  } catch {
    return { malformed: true };
  }
  const { projectId, received } = task;
  const at = (time: string | undefined) => (time ? isoToEventTime(time) : received);
  const encoded = (rows: object[], requestIds: string[] = []) => ({
    accepted: rows.length,
    lines: encodeJsonLines(rows).bytes,
    requestIds,
  });
  if (task.table === 'reviews') {
    const parsed = reviewsBody.safeParse(value);
    if (!parsed.success) return { invalid: issueMessage(parsed.error.issues, 'body') };
    const items = itemsOf(parsed.data, 'reviews');
    const rows = items.map((r) =>
      reviewRow(projectId, {
        requestId: r.requestId,
        reviewer: r.reviewer,
        time: at(r.time),
        labels: r.labels as Record<string, boolean>,
        correction: r.correction ?? '',
      }),
    );
    return encoded(rows, [...new Set(items.map((r) => r.requestId))]);
  }
  if (task.table === 'judgments') {
    const parsed = judgmentsBody.safeParse(value);
    if (!parsed.success) return { invalid: issueMessage(parsed.error.issues, 'body') };
    const rows = itemsOf(parsed.data, 'judgments').map((j) =>
      judgmentRow(projectId, {
        requestId: j.requestId,
        judgeId: j.judgeId,
        metric: j.metric,
        time: at(j.time),
        passed: j.passed ?? null,
        score: j.score ?? null,
        label: j.label ?? '',
      }),
    );
    return encoded(rows);
  }
  const parsed = evalsBody.safeParse(value);
  if (!parsed.success) return { invalid: issueMessage(parsed.error.issues, 'body') };
  const rows = itemsOf(parsed.data, 'evals').map((e) =>
    evalRow(projectId, {
      workloadId: e.workloadId ?? '',
      modelVersion: e.modelVersion,
      goldenSet: e.goldenSet,
      time: isoToEventTime(e.time),
      score: e.score,
      n: e.n ?? null,
    }),
  );
  return encoded(rows);
}
