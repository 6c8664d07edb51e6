import { crc32 } from 'node:zlib';
import type { ClickHouseClient } from '@flywheel/storage';
import { gatedWindow } from '../read-model/gate-window';
import { gateQueryParams, type GateConfig } from './gate';
import { closedBy } from './outcomes';

/**
 * The review sample's default share, in percent (docs/design.md §9): a gate-passed candidate is sampled for
 * review when CRC-32 of its request id mod 100 is below it. Deterministic, so the review queue, the
 * pending count and any client (`isSampledForReview`) agree on it without storing it. The one default:
 * the queue takes 1–20 per request (`REVIEW_SAMPLE_RANGE`), everything else reads this.
 */
export const REVIEW_SAMPLE_PERCENT = 5;
export const REVIEW_SAMPLE_RANGE = { min: 1, max: 20 } as const;

export function isSampledForReview(requestId: string, percent: number = REVIEW_SAMPLE_PERCENT): boolean {
  return crc32(Buffer.from(requestId, 'utf8')) % 100 < percent;
}

export interface ReviewQueueStatus {
  /** Gate verdicts over the window: evaluated, passed, and evaluated with a known outcome. */
  gate: { evaluated: number; passed: number; evaluatedWithOutcome: number };
  /** Gate-passed, sampled candidates in the window without a review by asOf. */
  pending: number;
  /** Event time of the oldest pending candidate (DateTime64 text), null when nothing is pending. */
  oldestPendingTime: string | null;
  sampled: number;
  /** Distinct interactions reviewed in the throughput window. */
  reviewedRecently: number;
}

const EMPTY_STATUS: ReviewQueueStatus = {
  gate: { evaluated: 0, passed: 0, evaluatedWithOutcome: 0 },
  pending: 0,
  oldestPendingTime: null,
  sampled: 0,
  reviewedRecently: 0,
};

export interface ReviewQueueWindow {
  projectId: string;
  /** '' for every workload. */
  workload: string;
  from: string;
  to: string;
  asOf: string;
  throughputFrom: string;
  config: GateConfig;
}

/**
 * Pending reviews among the candidates of [from, to) and the review throughput over
 * [throughputFrom, asOf]. A review counts for the queue when it exists at asOf, whoever wrote it. The
 * window's verdicts come from `gatedWindow`: the cost follows the window, not the project's history.
 */
export async function reviewQueueStatus(
  client: ClickHouseClient,
  params: ReviewQueueWindow,
): Promise<ReviewQueueStatus> {
  return (await reviewQueueStatuses(client, params, false)).get('') ?? EMPTY_STATUS;
}

/**
 * `reviewQueueStatus` of every workload of the window at once (one statement), keyed by workload; a
 * workload with neither candidates nor reviews is absent. A workload's verdicts do not depend on another's,
 * so each entry equals the workload's own status under `params.config`.
 */
export async function reviewQueueByWorkload(
  client: ClickHouseClient,
  params: Omit<ReviewQueueWindow, 'workload'>,
): Promise<Map<string, ReviewQueueStatus>> {
  return reviewQueueStatuses(client, { ...params, workload: '' }, true);
}

async function reviewQueueStatuses(
  client: ClickHouseClient,
  params: ReviewQueueWindow,
  byWorkload: boolean,
): Promise<Map<string, ReviewQueueStatus>> {
  // Only evaluated interactions count: the window ends where signal windows still open at asOf begin.
  const to = closedBy(params.asOf, params.config.signalWindowHours, params.to);
  const window = await gatedWindow(client, { ...params, to });
  const query_params = {
    ...window.params,
    projectId: params.projectId,
    workload: params.workload,
    from: params.from,
    to,
    asOf: params.asOf,
    throughputFrom: params.throughputFrom,
    samplePercent: REVIEW_SAMPLE_PERCENT,
    ...gateQueryParams(params.config),
  };
  const sampled = 'g.gate_passed AND CRC32(g.request_id) % 100 < {samplePercent:UInt8}';
  const key = (column: string) => (byWorkload ? `toString(${column})` : "''");
  const result = await client.query({
    query: `
      SELECT wl, sum(n_evaluated) AS n_evaluated, sum(n_passed) AS n_passed, sum(n_known) AS n_known,
        sum(n_pending) AS n_pending, toString(min(oldest)) AS oldest, sum(n_sampled) AS n_sampled,
        sum(n_reviewed) AS n_reviewed_recently
      FROM (
        SELECT ${key('g.workload_id')} AS wl,
          count() AS n_evaluated, countIf(g.gate_passed) AS n_passed, countIf(g.outcome != 'unknown') AS n_known,
          countIf(${sampled} AND NOT r.reviewed) AS n_pending,
          minIf(g.time, ${sampled} AND NOT r.reviewed) AS oldest,
          countIf(${sampled}) AS n_sampled, 0 AS n_reviewed
        FROM (${window.sql}) AS g
        LEFT JOIN (
          SELECT request_id, 1 AS reviewed FROM reviews FINAL
          WHERE project_id = {projectId:String} AND time <= {asOf:DateTime64(6, 'UTC')}
          GROUP BY request_id
        ) AS r ON r.request_id = g.request_id
        WHERE g.time >= {from:DateTime64(6, 'UTC')} AND g.evaluated
        GROUP BY wl
        UNION ALL
        SELECT ${key('i.workload_id')} AS wl, 0, 0, 0, 0, toDateTime64('2299-12-31 00:00:00', 6, 'UTC'), 0,
          uniqExact(v.request_id)
        FROM (
          SELECT DISTINCT request_id FROM reviews FINAL
          WHERE project_id = {projectId:String}
            AND time > {throughputFrom:DateTime64(6, 'UTC')} AND time <= {asOf:DateTime64(6, 'UTC')}
        ) AS v
        ${byWorkload || params.workload ? 'INNER' : 'LEFT'} JOIN (
          SELECT DISTINCT request_id, workload_id FROM interactions
          WHERE project_id = {projectId:String} AND ({workload:String} = '' OR workload_id = {workload:String})
            -- The reviewed requests only, not a set of the project's whole history.
            AND request_id IN (
              SELECT request_id FROM reviews
              WHERE project_id = {projectId:String}
                AND time > {throughputFrom:DateTime64(6, 'UTC')} AND time <= {asOf:DateTime64(6, 'UTC')})
        ) AS i ON i.request_id = v.request_id
        GROUP BY wl
      )
      GROUP BY wl`,
    query_params,
    format: 'JSONEachRow',
  });
  const rows = await result.json<Record<string, string>>();
  return new Map(
    rows.map((row) => {
      const n = (k: string) => Number(row[k] ?? 0);
      const pending = n('n_pending');
      const status: ReviewQueueStatus = {
        gate: { evaluated: n('n_evaluated'), passed: n('n_passed'), evaluatedWithOutcome: n('n_known') },
        pending,
        oldestPendingTime: pending > 0 ? row.oldest! : null,
        sampled: n('n_sampled'),
        reviewedRecently: n('n_reviewed_recently'),
      };
      return [row.wl!, status];
    }),
  );
}
