import type { ClickHouseClient } from '@flywheel/storage';

// Writers for what people and judges say about interactions, and for offline evals. Each table is a
// ReplacingMergeTree keyed so that a re-post replaces the earlier row (see storage migrations README).

export interface ReviewInput {
  requestId: string;
  reviewer: string;
  /** DateTime64 text. */
  time: string;
  labels: Record<string, boolean>;
  /** The response the reviewer says the model should have given; '' without one. */
  correction: string;
}

export async function insertReviews(
  client: ClickHouseClient,
  projectId: string,
  reviews: ReviewInput[],
): Promise<void> {
  if (reviews.length === 0) return;
  await client.insert({
    table: 'reviews',
    values: reviews.map((r) => ({
      project_id: projectId,
      request_id: r.requestId,
      reviewer: r.reviewer,
      time: r.time,
      labels: r.labels,
      // Gold (docs/design.md §9): every sub-metric passes.
      passed: Object.values(r.labels).every(Boolean),
      correction: r.correction,
    })),
    format: 'JSONEachRow',
  });
}

export interface JudgmentInput {
  requestId: string;
  judgeId: string;
  metric: string;
  time: string;
  passed: boolean | null;
  score: number | null;
  label: string;
}

export async function insertJudgments(
  client: ClickHouseClient,
  projectId: string,
  judgments: JudgmentInput[],
): Promise<void> {
  if (judgments.length === 0) return;
  await client.insert({
    table: 'judgments',
    values: judgments.map((j) => ({
      project_id: projectId,
      request_id: j.requestId,
      judge_id: j.judgeId,
      metric: j.metric,
      time: j.time,
      passed: j.passed,
      score: j.score,
      label: j.label,
    })),
    format: 'JSONEachRow',
  });
}

export interface EvalInput {
  workloadId: string;
  modelVersion: string;
  goldenSet: string;
  time: string;
  score: number;
  n: number | null;
}

export async function insertEvals(
  client: ClickHouseClient,
  projectId: string,
  evals: EvalInput[],
): Promise<void> {
  if (evals.length === 0) return;
  await client.insert({
    table: 'evals',
    values: evals.map((e) => ({
      project_id: projectId,
      workload_id: e.workloadId,
      model_version: e.modelVersion,
      golden_set: e.goldenSet,
      time: e.time,
      score: e.score,
      n: e.n,
    })),
    format: 'JSONEachRow',
  });
}

/** SQL: per request, its reviews as of `{asOf}`: reviewed, gold (every review passes every label), and
 * the accuracy verdict (every review passes accuracy; NULL when no review labels accuracy). */
export const REVIEWS_BY_REQUEST_SQL = `
  SELECT request_id, 1 AS reviewed, min(passed) AS gold,
    if(countIf(mapContains(labels, 'accuracy')) = 0, NULL, minIf(labels['accuracy'], mapContains(labels, 'accuracy'))) AS review_correct
  FROM reviews FINAL
  WHERE project_id = {projectId:String} AND time <= {asOf:DateTime64(6, 'UTC')}
  GROUP BY request_id`;
