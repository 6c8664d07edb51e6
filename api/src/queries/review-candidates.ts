import type { ClickHouseClient } from '@flywheel/storage';
import { addDays } from '../analytics/time';
import { gatedWindow, type GatedSource } from '../read-model/gate-window';
import type { OutcomeSource } from '../read-model/outcome-window';
import { gateQueryParams, type GateConfig } from './gate';
import { closedBy } from './outcomes';
import { versionChangedAnswersSql, versionWindow, VERSION_LOOKBACK_DAYS } from './version-changes';
import { JUDGMENT_PASS_SQL } from './verdicts';

/**
 * Why an item is in the review queue (docs/design.md §9), with the weight each adds to its priority.
 * A version change weighs like a correction: the same input judged the other way under another model is
 * direct evidence of a regression (or a fix) to confirm. An uncertain output weighs like a near-threshold
 * judge score: the model's own doubt, a hint rather than evidence.
 */
export const REVIEW_REASONS = {
  judge_user_disagree: 4,
  correction: 3,
  version_changed: 3,
  judge_near_threshold: 2,
  uncertain_output: 2,
  rare_stratum: 1,
  sample: 0.5,
} as const;
export type ReviewReason = keyof typeof REVIEW_REASONS;

export interface QueueParams {
  projectId: string;
  /** '' for every workload. */
  workload: string;
  /** Event-time window of the candidates, DateTime64 text, [from, to); gate verdicts as of asOf. */
  from: string;
  to: string;
  asOf: string;
  /** Wall-clock time leases are compared with. */
  now: string;
  config: GateConfig;
  /** Share of each workload's gate-passed candidates sampled, in percent (1–20). */
  samplePercent: number;
  /** Share of items that go to two reviewers, for agreement. */
  overlapShare: number;
  /** A judge score this close to the gate's quality threshold is near it. */
  nearMargin: number;
  /** A (workload, language) stratum with less than this share of the window's candidates is rare. */
  rareShare: number;
  /** A response whose mean token logprob is below this is uncertain (−1 ≈ mean token probability 0.37). */
  uncertainLogprob: number;
  /** Only items this reviewer may take (renewing their own leases first); '' for the open queue. */
  reviewer: string;
  limit: number;
}

export interface QueueItem {
  requestId: string;
  workload: string;
  time: string;
  language: string;
  reasons: ReviewReason[];
  priority: number;
  reviewersNeeded: number;
  reviewedBy: string[];
  leasedTo: string[];
}

const REASONS = Object.keys(REVIEW_REASONS) as ReviewReason[];

/** When each reason holds, over a candidate's columns; every weight is positive, so no reason, no item. */
const REASON_SQL: Record<ReviewReason, string> = {
  judge_user_disagree:
    "judge_passed IS NOT NULL AND outcome != 'unknown' AND judge_passed != (outcome = 'success')",
  correction: "deciding_kind = 'corrected'",
  version_changed: 'version_changed',
  judge_near_threshold:
    'quality_score IS NOT NULL AND abs(quality_score - {minQualityScore:Float64}) <= {nearMargin:Float64}',
  uncertain_output: 'mean_logprob IS NOT NULL AND mean_logprob < {uncertainLogprob:Float64}',
  rare_stratum: 'stratum_size < {rareShare:Float64} * window_size',
  sample: 'gate_passed AND (CRC32(request_id) % 100 < {samplePercent:UInt8} OR week_first)',
};

/**
 * What to review next: the evaluated interactions of the window that are sampled (gate-passed with
 * CRC-32 of the request id mod 100 below the rate, plus the first of each workload and week so that no
 * stratum goes unsampled) or high-value (the accuracy judges' verdict, as `JUDGMENT_PASS_SQL` reads a
 * judgment, differs from the user's outcome; a correction decided the outcome; another model version
 * answered the same input with the other outcome (`versionChangedAnswersSql`); the judge's score is near
 * the gate's threshold; the mean token logprob is below `uncertainLogprob`; a rare workload and
 * language), ranked by priority.
 * An item needs one review, or two for the overlap share; it leaves the queue once that many reviewers
 * posted a review or hold an unexpired lease on it. The candidates' language, judge score, logprob and
 * input key come with their verdicts (`gatedWindow` with `features`), so the window's rows are read once
 * and joined only to the judgments, reviews and leases. Tests pass raw-row references as `sources`.
 */
export async function reviewQueue(
  client: ClickHouseClient,
  p: QueueParams,
  sources: { gated?: GatedSource; versions?: OutcomeSource } = {},
): Promise<QueueItem[]> {
  const versionFrom = addDays(p.from, -VERSION_LOOKBACK_DAYS);
  // Only evaluated interactions are candidates: the window ends where signal windows still open at asOf
  // begin, so the open tail is not computed (the near-duplicate rule looks back only).
  const to = closedBy(p.asOf, p.config.signalWindowHours, p.to);
  const w = { ...p, to };
  // The window's verdicts and the version window's outcomes: sealed days as stored, the rest from raw rows.
  const [g, versions] = await Promise.all([
    sources.gated ?? gatedWindow(client, w, { features: true }),
    sources.versions ??
      versionWindow(client, { ...w, versionFrom, signalWindowHours: p.config.signalWindowHours }),
  ]);
  const result = await client.query({
    query: `
      -- The reasons are spelled out for the rows shown only: the ranking needs their weights alone.
      SELECT request_id, workload_id, toString(time) AS event_time, language,
        arrayFilter(r -> r != '', [${REASONS.map((r) => `if(is_${r}, '${r}', '')`).join(', ')}]) AS reasons,
        priority, needed, reviewed_by, leased_to
      FROM (
        SELECT *,
          ${REASONS.map((r) => `(${REASON_SQL[r]}) AS is_${r}`).join(',\n          ')},
          ${REASONS.map((r) => `is_${r} * {weight_${r}:Float64}`).join(' + ')} AS priority,
          1 + (cityHash64('overlap', request_id) % 10000 < {overlapShare:Float64} * 10000) AS needed,
          toUInt64(length(reviewed_by) + length(leased_to)) AS taken
        FROM (
          SELECT c.request_id AS request_id, c.workload_id AS workload_id, c.time AS time, c.outcome AS outcome,
            c.deciding_kind AS deciding_kind, c.gate_passed AS gate_passed, c.language AS language,
            c.quality_score AS quality_score, c.mean_logprob AS mean_logprob, c.week_first AS week_first,
            c.stratum_size AS stratum_size, c.window_size AS window_size, j.j_passed AS judge_passed,
            (c.workload_id, c.prompt_key, c.model_version, c.outcome) IN (${versionChangedAnswersSql(versions.sql)}) AS version_changed,
            r.r_reviewers AS reviewed_by, arrayFilter(x -> NOT has(r.r_reviewers, x), l.l_holders) AS leased_to
          FROM (
            -- The window's aggregates as windows over the candidates, read once: the first of each
            -- workload, week and verdict by CRC-32 (the sample's floor), each stratum's size, the total.
            SELECT g.request_id AS request_id, g.workload_id AS workload_id, g.time AS time,
              g.model_version AS model_version, g.outcome AS outcome, g.deciding_kind AS deciding_kind,
              g.gate_passed AS gate_passed, g.prompt_key AS prompt_key, g.language AS language,
              g.quality_score AS quality_score, g.mean_logprob AS mean_logprob,
              (CRC32(g.request_id), g.request_id) = min((CRC32(g.request_id), g.request_id))
                OVER (PARTITION BY g.workload_id, toMonday(g.time), g.gate_passed) AS week_first,
              count() OVER (PARTITION BY g.workload_id, g.language) AS stratum_size,
              count() OVER () AS window_size
            FROM (${g.sql}) AS g
            WHERE g.time >= {from:DateTime64(6, 'UTC')} AND g.evaluated
          ) AS c
          LEFT JOIN (
            SELECT request_id,
              if(countIf(pass IS NOT NULL) = 0, NULL, toNullable(minIf(assumeNotNull(pass), pass IS NOT NULL))) AS j_passed
            FROM (
              SELECT request_id, ${JUDGMENT_PASS_SQL} AS pass FROM judgments FINAL
              WHERE project_id = {projectId:String} AND time <= {asOf:DateTime64(6, 'UTC')} AND metric = 'accuracy'
            )
            GROUP BY request_id
          ) AS j ON j.request_id = c.request_id
          LEFT JOIN (
            SELECT request_id, arraySort(groupUniqArray(reviewer)) AS r_reviewers FROM reviews FINAL
            WHERE project_id = {projectId:String}
            GROUP BY request_id
          ) AS r ON r.request_id = c.request_id
          LEFT JOIN (
            SELECT request_id, arraySort(groupUniqArray(reviewer)) AS l_holders FROM review_leases FINAL
            WHERE project_id = {projectId:String} AND expires_at > {now:DateTime64(6, 'UTC')}
            GROUP BY request_id
          ) AS l ON l.request_id = c.request_id
        )
        WHERE priority > 0
          AND if({reviewer:String} = '', taken < needed,
            NOT has(reviewed_by, {reviewer:String}) AND (has(leased_to, {reviewer:String}) OR taken < needed))
        ORDER BY has(leased_to, {reviewer:String}) DESC, priority DESC, CRC32(request_id), request_id
        LIMIT {limit:UInt32}
      )
      ORDER BY has(leased_to, {reviewer:String}) DESC, priority DESC, CRC32(request_id), request_id`,
    query_params: {
      ...g.params,
      ...versions.params,
      ...gateQueryParams(p.config),
      projectId: p.projectId,
      workload: p.workload,
      from: p.from,
      to,
      asOf: p.asOf,
      now: p.now,
      samplePercent: p.samplePercent,
      overlapShare: p.overlapShare,
      nearMargin: p.nearMargin,
      rareShare: p.rareShare,
      uncertainLogprob: p.uncertainLogprob,
      versionFrom,
      reviewer: p.reviewer,
      limit: p.limit,
      ...Object.fromEntries(REASONS.map((r) => [`weight_${r}`, REVIEW_REASONS[r]])),
    },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    request_id: string;
    workload_id: string;
    event_time: string;
    language: string;
    reasons: ReviewReason[];
    priority: number;
    needed: number | string;
    reviewed_by: string[];
    leased_to: string[];
  }>();
  return rows.map((r) => ({
    requestId: r.request_id,
    workload: r.workload_id,
    time: r.event_time,
    language: r.language,
    reasons: r.reasons,
    priority: r.priority,
    reviewersNeeded: Number(r.needed),
    reviewedBy: r.reviewed_by,
    leasedTo: r.leased_to,
  }));
}
