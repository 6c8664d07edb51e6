import { crc32 } from 'node:zlib';
import type { ClickHouseClient } from '@flywheel/storage';
import { gatedWindow } from '../read-model/gate-window';
import { gateQueryParams, type GateConfig } from './gate';

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

/**
 * Pending reviews among the candidates of [from, to) and the review throughput over
 * [throughputFrom, asOf]. A review counts for the queue when it exists at asOf, whoever wrote it. The
 * window's verdicts come from `gatedWindow`: the cost follows the window, not the project's history.
 */
export async function reviewQueueStatus(
  client: ClickHouseClient,
  params: {
    projectId: string;
    workload: string;
    from: string;
    to: string;
    asOf: string;
    throughputFrom: string;
    config: GateConfig;
  },
): Promise<ReviewQueueStatus> {
  const window = await gatedWindow(client, params);
  const query_params = {
    ...window.params,
    projectId: params.projectId,
    workload: params.workload,
    from: params.from,
    to: params.to,
    asOf: params.asOf,
    throughputFrom: params.throughputFrom,
    samplePercent: REVIEW_SAMPLE_PERCENT,
    ...gateQueryParams(params.config),
  };
  const sampled = 'g.gate_passed AND CRC32(g.request_id) % 100 < {samplePercent:UInt8}';
  const result = await client.query({
    query: `
      SELECT
        count() AS n_evaluated, countIf(g.gate_passed) AS n_passed, countIf(g.outcome != 'unknown') AS n_known,
        countIf(${sampled} AND NOT r.reviewed) AS n_pending,
        toString(minIf(g.time, ${sampled} AND NOT r.reviewed)) AS oldest,
        countIf(${sampled}) AS n_sampled,
        (
          SELECT uniqExact(request_id) FROM reviews FINAL
          WHERE project_id = {projectId:String}
            AND time > {throughputFrom:DateTime64(6, 'UTC')} AND time <= {asOf:DateTime64(6, 'UTC')}
            AND ({workload:String} = '' OR request_id IN (
              SELECT request_id FROM interactions
              WHERE project_id = {projectId:String} AND workload_id = {workload:String}))
        ) AS n_reviewed_recently
      FROM (${window.sql}) AS g
      LEFT JOIN (
        SELECT request_id, 1 AS reviewed FROM reviews FINAL
        WHERE project_id = {projectId:String} AND time <= {asOf:DateTime64(6, 'UTC')}
        GROUP BY request_id
      ) AS r ON r.request_id = g.request_id
      WHERE g.time >= {from:DateTime64(6, 'UTC')} AND g.evaluated`,
    query_params,
    format: 'JSONEachRow',
  });
  const [row] = await result.json<Record<string, string>>();
  const n = (key: string) => Number(row?.[key] ?? 0);
  const pending = n('n_pending');
  return {
    gate: { evaluated: n('n_evaluated'), passed: n('n_passed'), evaluatedWithOutcome: n('n_known') },
    pending,
    oldestPendingTime: pending > 0 ? row!.oldest! : null,
    sampled: n('n_sampled'),
    reviewedRecently: n('n_reviewed_recently'),
  };
}
