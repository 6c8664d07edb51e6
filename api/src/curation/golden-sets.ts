import { createHash } from 'node:crypto';
import type { ClickHouseClient } from '@flywheel/storage';
import { lagViolation } from '../analytics/snapshots';
import { eventTimeToIso } from '../analytics/time';
import { datasetCounts, leakageReport } from '../queries/dataset-report';
import { listDatasets, type DatasetRow } from '../queries/datasets';
import {
  evalsOnGoldenSet,
  freezeGoldenSet,
  goldenSetByName,
  goldenSetNames,
  type GoldenSetSpec,
} from '../queries/golden-sets';

export type GoldenSetRequest = Omit<GoldenSetSpec, 'datasetId'>;

export type GoldenOutcome =
  { kind: 'created' | 'existing'; goldenSet: GoldenSetView } | { kind: 'invalid'; message: string };

export type GoldenSetView = ReturnType<typeof view>;

/** A golden set's id: a hash of everything that decides its members, as for datasets. */
export function goldenSetId(r: GoldenSetRequest): string {
  const canonical = JSON.stringify([
    r.projectId,
    r.name,
    r.workload,
    r.from,
    r.to,
    r.at,
    r.size,
    [...r.stratifyBy].sort(),
    r.seed,
  ]);
  return `gs_${createHash('sha256').update(canonical).digest('hex').slice(0, 20)}`;
}

/**
 * Freezes a golden eval set (docs/design.md §9) unless its window breaks the lag, its name is taken by
 * another set, or it exists already (the same body names the same set).
 */
export async function createGoldenSet(client: ClickHouseClient, r: GoldenSetRequest): Promise<GoldenOutcome> {
  const lag = lagViolation('the data window', r.to, r.at, r.lagDays);
  if (lag) return { kind: 'invalid', message: `window.to: ${lag}` };
  const id = goldenSetId(r);
  const named = await goldenSetByName(client, r.projectId, r.name);
  if (named && named.id !== id)
    return { kind: 'invalid', message: `name: already names golden set ${named.id} (drawn differently)` };
  if (!named) await freezeGoldenSet(client, { ...r, datasetId: id });
  const [row] = await listDatasets(client, r.projectId, [id]);
  return { kind: named ? 'existing' : 'created', goldenSet: view(row!, r.name) };
}

/** A golden set as the API shows it. */
export function view(row: DatasetRow, name: string) {
  return {
    id: row.id,
    name,
    workload: row.workload,
    dataWindow: { from: eventTimeToIso(row.from), to: eventTimeToIso(row.to) },
    at: eventTimeToIso(row.at),
    lagDays: row.lagDays,
    stratifyBy: row.stratifyBy as string[],
    seed: row.seed,
    size: row.train + row.validation,
  };
}

/** The project's golden sets, newest first. */
export async function listGoldenSets(client: ClickHouseClient, projectId: string) {
  const names = await goldenSetNames(client, projectId);
  if (names.size === 0) return [];
  const rows = await listDatasets(client, projectId, [...names.keys()]);
  return rows.map((row) => view(row, names.get(row.id)!));
}

/** One golden set: members by source and stratum, the evals that ran on it, and its leakage report. */
export async function describeGoldenSet(client: ClickHouseClient, projectId: string, id: string) {
  const names = await goldenSetNames(client, projectId);
  const name = names.get(id);
  if (name === undefined) return null;
  const [row] = await listDatasets(client, projectId, [id]);
  if (!row) return null;
  const counts = await datasetCounts(client, projectId, id);
  const evals = await evalsOnGoldenSet(client, projectId, { id, name });
  const leakage = await leakageReport(client, projectId, { id, workload: row.workload });
  return {
    ...view(row, name),
    counts: {
      bySource: counts.bySource.map(({ key, count }) => ({ key, count })),
      byStratum: counts.byStratum.map(({ key, count }) => ({ key, count })),
    },
    evals: evals.map((e) => ({ ...e, time: eventTimeToIso(e.time), n: e.n === null ? null : Number(e.n) })),
    sharedWithOtherGoldenSets: leakage.golden,
  };
}
