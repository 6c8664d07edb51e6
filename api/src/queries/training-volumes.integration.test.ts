import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempStorage } from '@flywheel/storage/testing';
import { trainingVolumes } from './cycle-metrics';

// A snapshot's row carries its members' counts (storage migration 0021); one written before that has
// none, and its counts come from the members. The counted snapshot here has no member rows, so its
// volumes can only have come from its row.
let env: Awaited<ReturnType<typeof openTempStorage>>;

const members = (datasetId: string) =>
  [
    ['r1', 'gold', '2026-01-01 00:00:00.000000'],
    ['r2', 'gate_passed', '2026-01-02 00:00:00.000000'],
    ['r3', 'gate_passed', '2026-01-03 00:00:00.000000'],
    ['r4', 'correction', '2026-01-05 00:00:00.000000'],
  ].map(([request_id, source, time]) => ({
    project_id: 'p',
    dataset_id: datasetId,
    request_id,
    source,
    workload_id: 'w',
    time,
  }));

const datasetRow = (cycle: string, datasetId: string, counts: Record<string, unknown>) => ({
  project_id: 'p',
  dataset_id: datasetId,
  kind: 'snapshot',
  cycle_id: cycle,
  workload_id: 'w',
  window_from: '2026-01-01 00:00:00.000000',
  window_to: '2026-01-10 00:00:00.000000',
  at: '2026-01-20 00:00:00.000000',
  lag_days: 10,
  ...counts,
});

beforeAll(async () => {
  env = await openTempStorage();
  const client = env.storage.client;
  // Members inserted twice, as a retried snapshot writes them: they count once.
  for (let i = 0; i < 2; i++)
    await client.insert({
      table: 'dataset_members',
      values: members('old'),
      format: 'JSONEachRow',
    });
  await client.insert({
    table: 'datasets',
    values: [
      datasetRow('c-old', 'old', {}),
      datasetRow('c-new', 'new', {
        members_counted: true,
        member_count: 4,
        member_gold: 1,
        member_gate_passed: 2,
        member_corrections: 1,
        member_median_time: '2026-01-03 00:00:00.000000',
      }),
    ],
    format: 'JSONEachRow',
  });
});
afterAll(() => env.dispose());

describe('trainingVolumes', () => {
  it("reads a snapshot's counts from its row, and an older snapshot's from its members", async () => {
    const volumes = await trainingVolumes(env.storage.client, 'p', '2026-02-01 00:00:00.000000');
    const expected = {
      at: '2026-01-20 00:00:00.000000',
      total: 4,
      gold: 1,
      gatePassed: 2,
      correction: 1,
      medianTime: '2026-01-03 00:00:00.000000',
    };
    expect(volumes.sort((a, b) => (a.cycleId < b.cycleId ? -1 : 1))).toEqual([
      { cycleId: 'c-new', datasetId: 'new', ...expected },
      { cycleId: 'c-old', datasetId: 'old', ...expected },
    ]);
  });

  it('knows no snapshot cut after asOf', async () => {
    expect(await trainingVolumes(env.storage.client, 'p', '2026-01-19 00:00:00.000000')).toEqual([]);
  });
});
