import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInteractions } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { effectiveGateConfig } from '../analytics/gate-settings';
import { isoToEventTime } from '../analytics/time';
import { interaction, plusDays } from '../fixtures/rows';
import { reviewQueueByWorkload, reviewQueueStatus } from './review-queue';

// Review throughput counts the distinct interactions reviewed in its window, per workload of the
// interaction reviewed — however long before the review that interaction was answered.

let env: Awaited<ReturnType<typeof openTempStorage>>;
const T0 = '2026-03-01T00:00:00Z';
const day = (d: number) => isoToEventTime(plusDays(T0, d));

beforeAll(async () => {
  env = await openTempStorage();
  await insertInteractions(env.storage.client, [
    interaction('old-a', plusDays(T0, 0), { workload_id: 'a' }),
    interaction('new-a', plusDays(T0, 95), { workload_id: 'a' }),
    interaction('new-b', plusDays(T0, 96), { workload_id: 'b' }),
    interaction('unreviewed-b', plusDays(T0, 96), { workload_id: 'b' }),
  ]);
  const review = (id: string, d: number, reviewer = 'r') => ({
    project_id: 'default',
    request_id: id,
    reviewer,
    time: day(d),
    labels: { accuracy: true },
    passed: true,
  });
  await env.storage.client.insert({
    table: 'reviews',
    values: [
      review('old-a', 97),
      review('old-a', 98, 'r2'), // a second reviewer of the same interaction counts once
      review('new-a', 97),
      review('new-b', 97),
      review('new-b', 80, 'r3'), // another reviewer before the throughput window: counted once anyway
      review('unreviewed-b', 50), // only reviewed before the window
    ],
    format: 'JSONEachRow',
  });
});
afterAll(() => env.dispose());

describe('review throughput', () => {
  const window = {
    projectId: 'default',
    from: day(90),
    to: day(100),
    asOf: day(100),
    throughputFrom: day(93),
    config: effectiveGateConfig([], '', {}),
  };

  it('counts the interactions reviewed in the window, per workload and in all', async () => {
    const all = await reviewQueueStatus(env.storage.client, { ...window, workload: '' });
    expect(all.reviewedRecently).toBe(3);
    expect((await reviewQueueStatus(env.storage.client, { ...window, workload: 'a' })).reviewedRecently).toBe(
      2,
    );
    expect((await reviewQueueStatus(env.storage.client, { ...window, workload: 'b' })).reviewedRecently).toBe(
      1,
    );
    const byWorkload = await reviewQueueByWorkload(env.storage.client, window);
    expect(byWorkload.get('a')?.reviewedRecently).toBe(2);
    expect(byWorkload.get('b')?.reviewedRecently).toBe(1);
  });
});
