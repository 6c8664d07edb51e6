import type { ClickHouseClient } from '@flywheel/storage';
import { gateQueryParams, GATED_INTERACTIONS_SQL, type GateConfig } from './gate';
import { REVIEWS_BY_REQUEST_SQL } from './labels';

export interface AgreementParams {
  projectId: string;
  /** '' for every workload. */
  workload: string;
  /** Event-time window of the reviewed interactions, DateTime64 text, [from, to); reviews as of asOf. */
  from: string;
  to: string;
  asOf: string;
  config: GateConfig;
}

export interface MetricAgreement {
  metric: string;
  /** Items with this label from two reviewers or more (the overlap). */
  items: number;
  /** Share of those items where the first two reviewers (by name) agree. */
  observed: number | null;
  /** Cohen's kappa of the first and second reviewer; null when chance agreement is certain or no item. */
  kappa: number | null;
}

/** SQL: request ids of the window's interactions (reviews carry no workload). */
const WINDOW_REQUESTS = `
  SELECT request_id FROM interactions
  WHERE project_id = {projectId:String} AND ({workload:String} = '' OR workload_id = {workload:String})
    AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}`;

/**
 * Reviewer agreement per sub-metric on the overlap (items two reviewers labelled): Cohen's kappa, rater
 * A being the first reviewer of an item by name and rater B the second, κ = (pₒ − pₑ) / (1 − pₑ) with
 * pₑ = pA·pB + (1 − pA)(1 − pB) from each side's pass rate. Also lists every label the window's reviews
 * use, the default ones first, with 0 items where nobody overlapped.
 */
export async function reviewAgreement(
  client: ClickHouseClient,
  p: AgreementParams,
): Promise<MetricAgreement[]> {
  const result = await client.query({
    query: `
      SELECT metric, count() AS items,
        if(items = 0, NULL, avg(a = b)) AS observed,
        avg(a) AS pa, avg(b) AS pb,
        pa * pb + (1 - pa) * (1 - pb) AS pe,
        if(items = 0 OR pe >= 1, NULL, round((observed - pe) / (1 - pe), 6)) AS kappa
      FROM (
        SELECT request_id, metric, arraySort((v, r) -> r, values, raters) AS ordered,
          toUInt8(ordered[1]) AS a, toUInt8(ordered[2]) AS b
        FROM (
          SELECT request_id, metric, groupArray(value) AS values, groupArray(reviewer) AS raters
          FROM (
            SELECT request_id, reviewer, arrayJoin(mapKeys(labels)) AS metric, labels[metric] AS value
            FROM reviews FINAL
            WHERE project_id = {projectId:String} AND time <= {asOf:DateTime64(6, 'UTC')}
              AND request_id IN (${WINDOW_REQUESTS})
          )
          GROUP BY request_id, metric
        )
        WHERE length(values) >= 2
      )
      GROUP BY metric
      ORDER BY metric`,
    query_params: { ...base(p) },
    format: 'JSONEachRow',
  });
  const overlapped = await result.json<{
    metric: string;
    items: string;
    observed: number | null;
    kappa: number | null;
  }>();
  const labels = await client.query({
    query: `
      SELECT DISTINCT arrayJoin(mapKeys(labels)) AS metric FROM reviews FINAL
      WHERE project_id = {projectId:String} AND time <= {asOf:DateTime64(6, 'UTC')}
        AND request_id IN (${WINDOW_REQUESTS})`,
    query_params: { ...base(p) },
    format: 'JSONEachRow',
  });
  const names = (await labels.json<{ metric: string }>()).map((r) => r.metric);
  const byName = new Map(overlapped.map((r) => [r.metric, r]));
  return orderLabels(names).map((metric) => {
    const row = byName.get(metric);
    return {
      metric,
      items: Number(row?.items ?? 0),
      observed: row?.observed ?? null,
      kappa: row?.kappa ?? null,
    };
  });
}

/** The sub-metrics every review carries (contract/labels.ts requires them), shown first. */
export const DEFAULT_LABELS = ['accuracy', 'helpfulness', 'safety'] as const;

function orderLabels(names: string[]): string[] {
  const extra = names.filter((n) => !(DEFAULT_LABELS as readonly string[]).includes(n)).sort();
  return [...DEFAULT_LABELS, ...extra];
}

function base(p: AgreementParams) {
  return { projectId: p.projectId, workload: p.workload, from: p.from, to: p.to, asOf: p.asOf };
}

export interface GateAgainstReviewers {
  /** Evaluated interactions of the window with a review. */
  reviewed: number;
  gatePassed: number;
  /** Gold: every review passes every label. */
  gold: number;
  both: number;
  /** Share of gate-passed reviewed items that reviewers found gold; null without any. */
  precision: number | null;
  /** Share of gold items the gate passed; null without any. */
  recall: number | null;
}

/**
 * The quality gate's verdicts against the reviewers' (gold = every review passes every label), over the
 * window's evaluated, reviewed interactions: precision and recall of "passed the gate" for "gold".
 */
export async function gateAgainstReviewers(
  client: ClickHouseClient,
  p: AgreementParams,
): Promise<GateAgainstReviewers> {
  const result = await client.query({
    query: `
      SELECT count() AS reviewed, countIf(g.gate_passed) AS gate_passed, countIf(r.gold) AS gold,
        countIf(g.gate_passed AND r.gold) AS both
      FROM (${GATED_INTERACTIONS_SQL}) AS g
      INNER JOIN (${REVIEWS_BY_REQUEST_SQL}) AS r ON r.request_id = g.request_id
      WHERE g.time >= {from:DateTime64(6, 'UTC')} AND g.evaluated`,
    query_params: { ...base(p), ...gateQueryParams(p.config) },
    format: 'JSONEachRow',
  });
  const [row] = await result.json<Record<string, string>>();
  const n = (k: string) => Number(row?.[k] ?? 0);
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    reviewed: n('reviewed'),
    gatePassed: n('gate_passed'),
    gold: n('gold'),
    both: n('both'),
    precision: ratio(n('both'), n('gate_passed')),
    recall: ratio(n('both'), n('gold')),
  };
}
