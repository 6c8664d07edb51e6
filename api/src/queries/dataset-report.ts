import type { ClickHouseClient } from '@flywheel/storage';
import type { DatasetSplit } from './dataset-export';

export interface DatasetCount {
  split: DatasetSplit;
  key: string;
  count: number;
}

/** Members of a dataset per split and source, and per split and stratum. */
export async function datasetCounts(
  client: ClickHouseClient,
  projectId: string,
  datasetId: string,
): Promise<{ bySource: DatasetCount[]; byStratum: DatasetCount[] }> {
  const result = await client.query({
    query: `
      SELECT split, 'source' AS dimension, toString(source) AS key, count() AS n
      FROM dataset_members FINAL
      WHERE project_id = {projectId:String} AND dataset_id = {datasetId:String}
      GROUP BY split, key
      UNION ALL
      SELECT split, 'stratum' AS dimension, stratum AS key, count() AS n
      FROM dataset_members FINAL
      WHERE project_id = {projectId:String} AND dataset_id = {datasetId:String}
      GROUP BY split, key
      ORDER BY dimension, split, key`,
    query_params: { projectId, datasetId },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ split: DatasetSplit; dimension: string; key: string; n: string }>();
  const of = (dimension: string) =>
    rows
      .filter((r) => r.dimension === dimension)
      .map((r) => ({ split: r.split, key: r.key, count: Number(r.n) }));
  return { bySource: of('source'), byStratum: of('stratum') };
}

export interface Leak {
  /** Near-duplicate keys found on both sides. */
  sharedKeys: number;
  /** Up to 20 request ids of this dataset's members behind them, in order. */
  requestIds: string[];
}

export interface LeakageReport {
  trainValidation: Leak;
  /** Against every golden dataset of the project for the same workload; null when there is none. */
  golden: (Leak & { datasets: string[] }) | null;
}

const EXAMPLES = 20;

/**
 * Near-duplicates (`dup_key`) a dataset's train split shares with its validation split, and that the
 * dataset shares with the project's golden eval sets (datasets of kind 'golden', other than itself, of
 * the same workload). Both should be zero: a shared key means an example is evaluated on what it was
 * trained on.
 */
export async function leakageReport(
  client: ClickHouseClient,
  projectId: string,
  dataset: { id: string; workload: string },
): Promise<LeakageReport> {
  const query_params = { projectId, datasetId: dataset.id, workload: dataset.workload, examples: EXAMPLES };
  const split = await client.query({
    query: `
      SELECT uniqExact(dup_key) AS shared, arraySort(groupArray({examples:UInt32})(request_id)) AS ids
      FROM (
        SELECT dup_key, request_id FROM dataset_members FINAL
        WHERE project_id = {projectId:String} AND dataset_id = {datasetId:String} AND dup_key != ''
          AND dup_key IN (
            SELECT dup_key FROM dataset_members FINAL
            WHERE project_id = {projectId:String} AND dataset_id = {datasetId:String} AND dup_key != ''
            GROUP BY dup_key HAVING uniqExact(split) > 1
          )
        ORDER BY request_id
      )`,
    query_params,
    format: 'JSONEachRow',
  });
  const [leak] = await split.json<{ shared: string; ids: string[] }>();
  const golden = await client.query({
    query: `
      SELECT
        (SELECT groupArray(dataset_id) FROM (
          SELECT dataset_id FROM datasets FINAL
          WHERE project_id = {projectId:String} AND kind = 'golden' AND dataset_id != {datasetId:String}
            AND workload_id = {workload:String}
          ORDER BY dataset_id)) AS datasets,
        uniqExact(dup_key) AS shared, arraySort(groupArray({examples:UInt32})(request_id)) AS ids
      FROM (
        SELECT dup_key, request_id FROM dataset_members FINAL
        WHERE project_id = {projectId:String} AND dataset_id = {datasetId:String} AND dup_key != ''
          AND dup_key IN (
            SELECT dup_key FROM dataset_members FINAL
            WHERE project_id = {projectId:String} AND dup_key != '' AND dataset_id IN (
              SELECT dataset_id FROM datasets FINAL
              WHERE project_id = {projectId:String} AND kind = 'golden' AND dataset_id != {datasetId:String}
                AND workload_id = {workload:String}))
        ORDER BY request_id
      )`,
    query_params,
    format: 'JSONEachRow',
  });
  const [g] = await golden.json<{ datasets: string[]; shared: string; ids: string[] }>();
  return {
    trainValidation: { sharedKeys: Number(leak?.shared ?? 0), requestIds: leak?.ids ?? [] },
    golden:
      g && g.datasets.length > 0
        ? { datasets: g.datasets, sharedKeys: Number(g.shared), requestIds: g.ids }
        : null,
  };
}
