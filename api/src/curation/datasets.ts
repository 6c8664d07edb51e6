import { createHash } from 'node:crypto';
import type { ClickHouseClient } from '@flywheel/storage';
import { gateConfigFor } from '../analytics/gate-settings';
import { lagViolation } from '../analytics/snapshots';
import { eventTimeToIso } from '../analytics/time';
import { datasetCounts, leakageReport } from '../queries/dataset-report';
import {
  freezeDataset,
  listDatasets,
  type DatasetKind,
  type DatasetRow,
  type DatasetSource,
  type StratumColumn,
} from '../queries/datasets';

export interface DatasetRequest {
  projectId: string;
  kind: Exclude<DatasetKind, 'snapshot'>;
  workload: string;
  /** DateTime64 text. */
  from: string;
  to: string;
  at: string;
  lagDays: number;
  sources: DatasetSource[];
  validationShare: number;
  stratifyBy: StratumColumn[];
  seed: number;
}

export type CreateOutcome =
  { kind: 'created' | 'existing'; dataset: DatasetView } | { kind: 'lag'; message: string };

export type DatasetView = ReturnType<typeof view>;

/**
 * A dataset's id is a hash of everything that decides its members (project, kind, workload, window,
 * time, sources, split, strata, seed): asking twice for the same dataset names the one already frozen
 * instead of freezing a second copy, and a retried request is harmless.
 */
export function datasetId(r: DatasetRequest): string {
  const canonical = JSON.stringify([
    r.projectId,
    r.kind,
    r.workload,
    r.from,
    r.to,
    r.at,
    [...r.sources].sort(),
    r.validationShare,
    [...r.stratifyBy].sort(),
    r.seed,
  ]);
  return `ds_${createHash('sha256').update(canonical).digest('hex').slice(0, 20)}`;
}

/** Freezes a dataset (docs/design.md §9) unless its window breaks the lag or it exists already. */
export async function createDataset(client: ClickHouseClient, r: DatasetRequest): Promise<CreateOutcome> {
  const message = lagViolation('the data window', r.to, r.at, r.lagDays);
  if (message) return { kind: 'lag', message };
  const id = datasetId(r);
  const [existing] = await listDatasets(client, r.projectId, [id]);
  if (existing) return { kind: 'existing', dataset: view(existing) };
  await freezeDataset(client, {
    ...r,
    datasetId: id,
    cycleId: '',
    config: await gateConfigFor(client, r.projectId, r.workload),
  });
  const [created] = await listDatasets(client, r.projectId, [id]);
  return { kind: 'created', dataset: view(created!) };
}

/** A dataset as the API shows it: ISO times, sizes per split. */
export function view(row: DatasetRow) {
  return {
    id: row.id,
    kind: row.kind,
    cycleId: row.cycleId || null,
    workload: row.workload,
    dataWindow: { from: eventTimeToIso(row.from), to: eventTimeToIso(row.to) },
    at: eventTimeToIso(row.at),
    lagDays: row.lagDays,
    sources: row.sources,
    validationShare: row.validationShare,
    stratifyBy: row.stratifyBy,
    seed: row.seed,
    size: { train: row.train, validation: row.validation },
  };
}

/** One dataset with its counts by split and source, by split and stratum, and its leakage report. */
export async function describeDataset(client: ClickHouseClient, projectId: string, id: string) {
  const [row] = await listDatasets(client, projectId, [id]);
  if (!row) return null;
  const counts = await datasetCounts(client, projectId, id);
  const leakage = await leakageReport(client, projectId, { id, workload: row.workload });
  return { ...view(row), counts, leakage };
}
