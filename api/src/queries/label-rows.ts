// The stored rows of labels and evals, built from validated input. No engine here: worker threads
// build and encode them for large batches (api/src/batches).

/** Tables of labels and evals, each written from rows encoded as JSONEachRow. */
export type LabelTable = 'reviews' | 'judgments' | 'evals';

export interface ReviewInput {
  requestId: string;
  reviewer: string;
  /** DateTime64 text. */
  time: string;
  labels: Record<string, boolean>;
  /** The response the reviewer says the model should have given; '' without one. */
  correction: string;
}

/** The stored row of a review. */
export function reviewRow(projectId: string, r: ReviewInput): object {
  return {
    project_id: projectId,
    request_id: r.requestId,
    reviewer: r.reviewer,
    time: r.time,
    labels: r.labels,
    // Gold (docs/design.md §9): every sub-metric passes.
    passed: Object.values(r.labels).every(Boolean),
    correction: r.correction,
  };
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

/** The stored row of a judgment. */
export function judgmentRow(projectId: string, j: JudgmentInput): object {
  return {
    project_id: projectId,
    request_id: j.requestId,
    judge_id: j.judgeId,
    metric: j.metric,
    time: j.time,
    passed: j.passed,
    score: j.score,
    label: j.label,
  };
}

export interface EvalInput {
  workloadId: string;
  modelVersion: string;
  goldenSet: string;
  time: string;
  score: number;
  n: number | null;
}

/** The stored row of an eval result. */
export function evalRow(projectId: string, e: EvalInput): object {
  return {
    project_id: projectId,
    workload_id: e.workloadId,
    model_version: e.modelVersion,
    golden_set: e.goldenSet,
    time: e.time,
    score: e.score,
    n: e.n,
  };
}
