import { ATTR_FLYWHEEL_TASK_TYPE } from '@flywheel/semconv';
import type { ClickHouseClient } from '@flywheel/storage';
import { gateQueryParams, GATED_INTERACTIONS_SQL, type GateConfig } from './gate';
import { reviewerCorrectionsSql } from './gold-examples';
import { REVIEWS_BY_REQUEST_SQL } from './labels';

/** Where a member came from, in the order a near-duplicate group keeps one: gold first. */
export const DATASET_SOURCES = ['gold', 'correction', 'gate_passed'] as const;
export type DatasetSource = (typeof DATASET_SOURCES)[number];

/**
 * What a split may be stratified by. Closed list: each name maps to a column expression spliced into SQL.
 * The task type is a span attribute an application may set; absent, it is '' and stratifies nothing.
 */
export const STRATA = {
  workload: 'f.f_workload',
  language: 'f.f_language',
  task_type: `f.f_attributes['${ATTR_FLYWHEEL_TASK_TYPE}']`,
} as const;
export type StratumColumn = keyof typeof STRATA;

export type DatasetKind = 'snapshot' | 'training' | 'golden';

export interface DatasetSpec {
  projectId: string;
  datasetId: string;
  kind: DatasetKind;
  /** The cycle a snapshot belongs to; '' otherwise. */
  cycleId: string;
  workload: string;
  /** The data window, DateTime64 text, [from, to). */
  from: string;
  to: string;
  /** Gate verdicts, signals and reviews as known at this time. */
  at: string;
  lagDays: number;
  sources: readonly DatasetSource[];
  /** Share of each stratum held out for validation, [0, 1). */
  validationShare: number;
  stratifyBy: readonly StratumColumn[];
  seed: number;
  config: GateConfig;
}

/**
 * Freezes a dataset's members (docs/design.md §9). Candidates are the interactions of the window that
 * are gold (reviewed, every label passing), corrected by a reviewer, or passed the gate and were not
 * reviewed; each gets one source (gold, else correction when a reviewer corrected it or a user's
 * correction decided its outcome, else gate_passed), and only the
 * asked-for sources stay. Near-duplicates (same `dup_key`) keep one member, the best source first, so
 * no near-duplicate can sit in both splits. Within each stratum the members are ordered by a hash of
 * the seed and their near-duplicate key, and the first `validationShare` of them (rounded) form the
 * validation split: the same inputs and seed give the same members and splits. A training set leaves out
 * the members of the workload's golden sets and their near-duplicates, so it never trains on an eval.
 *
 * Members are written before the dataset row, so a dataset that is visible is complete.
 */
export async function freezeDataset(client: ClickHouseClient, spec: DatasetSpec): Promise<void> {
  const stratum = spec.stratifyBy.length
    ? `concatWithSeparator('|', ${spec.stratifyBy.map((s) => `toString(${STRATA[s]})`).join(', ')})`
    : "''";
  await client.command({
    query: `
      INSERT INTO dataset_members
        (project_id, dataset_id, request_id, source, workload_id, time, split, dup_key, stratum)
      SELECT {projectId:String}, {datasetId:String}, request_id, source, workload_id, time,
        if(stratum_rank <= round(stratum_size * {validationShare:Float64}), 'validation', 'train'),
        dup_key, stratum
      FROM (
        SELECT *,
          row_number() OVER (PARTITION BY stratum ORDER BY sipHash64({seed:UInt32}, group_key), request_id) AS stratum_rank,
          count() OVER (PARTITION BY stratum) AS stratum_size
        FROM (
          SELECT *,
            row_number() OVER (PARTITION BY group_key ORDER BY indexOf({sourceOrder:Array(String)}, source), time, request_id) AS group_rank
          FROM (
            SELECT g.request_id AS request_id, g.workload_id AS workload_id, g.time AS time,
              multiIf(r.reviewed AND r.gold, 'gold', rc.reviewer_correction != '' OR g.deciding_kind = 'corrected',
                'correction', 'gate_passed') AS source,
              f.f_dup_key AS dup_key, if(f.f_dup_key = '', g.request_id, f.f_dup_key) AS group_key,
              ${stratum} AS stratum
            FROM (${GATED_INTERACTIONS_SQL}) AS g
            INNER JOIN (
              SELECT request_id, any(workload_id) AS f_workload, any(dup_key) AS f_dup_key,
                any(language) AS f_language, any(attributes) AS f_attributes
              FROM interactions
              WHERE project_id = {projectId:String} AND workload_id = {workload:String}
                AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
              GROUP BY request_id
            ) AS f ON f.request_id = g.request_id
            LEFT JOIN (${REVIEWS_BY_REQUEST_SQL}) AS r ON r.request_id = g.request_id
            LEFT JOIN (${reviewerCorrectionsSql('asOf')}) AS rc ON rc.request_id = g.request_id
            WHERE g.time >= {from:DateTime64(6, 'UTC')}
              AND ((r.reviewed AND r.gold) OR rc.reviewer_correction != ''
                OR (g.evaluated AND g.gate_passed AND NOT r.reviewed))
          )
          WHERE source IN {sources:Array(String)}
            -- A training set leaves out what the workload's golden sets hold, near-duplicates too.
            AND ({kind:String} = 'golden' OR group_key NOT IN (
              SELECT if(dup_key = '', request_id, dup_key) FROM dataset_members FINAL
              WHERE project_id = {projectId:String} AND dataset_id IN (
                SELECT dataset_id FROM datasets FINAL
                WHERE project_id = {projectId:String} AND kind = 'golden' AND workload_id = {workload:String})))
        )
        WHERE group_rank = 1
      )`,
    query_params: {
      projectId: spec.projectId,
      datasetId: spec.datasetId,
      kind: spec.kind,
      workload: spec.workload,
      from: spec.from,
      to: spec.to,
      asOf: spec.at,
      sources: spec.sources,
      sourceOrder: DATASET_SOURCES,
      validationShare: spec.validationShare,
      seed: spec.seed,
      ...gateQueryParams(spec.config),
    },
  });
  await client.insert({
    table: 'datasets',
    values: [
      {
        project_id: spec.projectId,
        dataset_id: spec.datasetId,
        kind: spec.kind,
        cycle_id: spec.cycleId,
        workload_id: spec.workload,
        window_from: spec.from,
        window_to: spec.to,
        at: spec.at,
        lag_days: spec.lagDays,
        sources: spec.sources,
        validation_share: spec.validationShare,
        stratify_by: spec.stratifyBy,
        seed: spec.seed,
      },
    ],
    format: 'JSONEachRow',
  });
}

export interface DatasetRow {
  id: string;
  kind: DatasetKind;
  cycleId: string;
  workload: string;
  from: string;
  to: string;
  at: string;
  lagDays: number;
  sources: DatasetSource[];
  validationShare: number;
  stratifyBy: StratumColumn[];
  seed: number;
  /** Members per split. */
  train: number;
  validation: number;
}

/** The project's datasets (all of them, or those named), newest snapshot time first, with their sizes. */
export async function listDatasets(
  client: ClickHouseClient,
  projectId: string,
  ids: readonly string[] = [],
): Promise<DatasetRow[]> {
  const result = await client.query({
    query: `
      SELECT d.dataset_id AS id, d.kind AS kind, d.cycle_id AS cycleId, d.workload_id AS workload,
        toString(d.window_from) AS from, toString(d.window_to) AS to, toString(d.at) AS at,
        d.lag_days AS lagDays, d.sources AS sources, d.validation_share AS validationShare,
        d.stratify_by AS stratifyBy, d.seed AS seed,
        toUInt64(ifNull(m.n_train, 0)) AS train, toUInt64(ifNull(m.n_validation, 0)) AS validation
      FROM (
        SELECT * FROM datasets FINAL
        WHERE project_id = {projectId:String} AND (empty({ids:Array(String)}) OR dataset_id IN {ids:Array(String)})
      ) AS d
      LEFT JOIN (
        SELECT dataset_id, countIf(split = 'train') AS n_train, countIf(split = 'validation') AS n_validation
        FROM dataset_members FINAL
        WHERE project_id = {projectId:String} AND (empty({ids:Array(String)}) OR dataset_id IN {ids:Array(String)})
        GROUP BY dataset_id
      ) AS m ON m.dataset_id = d.dataset_id
      ORDER BY d.at DESC, d.dataset_id`,
    query_params: { projectId, ids },
    format: 'JSONEachRow',
  });
  const rows = await result.json<DatasetRow & { train: string | number; validation: string | number }>();
  return rows.map((r) => ({ ...r, train: Number(r.train), validation: Number(r.validation) }));
}
