import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { interaction, plusDays, signal } from '../fixtures/rows';

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const T0 = '2026-05-04T00:00:00Z';
const REVIEWED = plusDays(T0, 10);

// 20 interactions: the first 14 accepted (they pass the gate), the rest regenerated (they fail it).
const rows: InteractionRow[] = [];
const sigs: SignalRow[] = [];
for (let i = 0; i < 20; i++) {
  rows.push(interaction(`r${i}`, plusDays(T0, i / 4), { workload_id: 'rw' }));
  sigs.push(signal(`r${i}`, i < 14 ? 'accepted' : 'regenerated', plusDays(T0, i / 4 + 0.01)));
}
rows.push(interaction('late', plusDays(T0, 20), { workload_id: 'rw' }));

// Two reviewers on the first 12 items (the overlap); accuracy as each saw it.
const ANA = [1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0];
const BEN = [1, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0];

/** Cohen's kappa written out independently of the SQL. */
function kappa(a: number[], b: number[]): number {
  const n = a.length;
  const po = a.filter((x, i) => x === b[i]).length / n;
  const pa = a.reduce((s, x) => s + x, 0) / n;
  const pb = b.reduce((s, x) => s + x, 0) / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  return (po - pe) / (1 - pe);
}

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(''),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
  await insertInteractions(env.storage.client, rows);
  await insertSignals(env.storage.client, sigs);
  const reviews = [];
  for (let i = 0; i < 12; i++) {
    reviews.push({
      requestId: `r${i}`,
      reviewer: 'ana',
      time: REVIEWED,
      labels: { accuracy: !!ANA[i], helpfulness: true, safety: true, tone: true },
    });
    reviews.push({
      requestId: `r${i}`,
      reviewer: 'ben',
      time: REVIEWED,
      labels: { accuracy: !!BEN[i], helpfulness: true, safety: true },
    });
  }
  // One reviewer only: r12 (gate-passed) gold, r14–r16 (gate-failed) gold, r17 failed.
  for (const [i, ok] of [
    [12, true],
    [14, true],
    [15, true],
    [16, true],
    [17, false],
  ] as const)
    reviews.push({
      requestId: `r${i}`,
      reviewer: 'chen',
      time: REVIEWED,
      labels: { accuracy: ok, helpfulness: true, safety: true },
    });
  const res = await app.request('/api/v1/reviews', {
    method: 'POST',
    body: JSON.stringify({ reviews }),
    headers: { 'content-type': 'application/json' },
  });
  expect(res.status).toBe(200);
});
afterAll(() => env.dispose());

describe('GET /api/v1/reviews/agreement', () => {
  it('gives Cohen’s kappa per sub-metric on the overlap, default labels first', async () => {
    const { status, body } = await get('/api/v1/reviews/agreement?workload=rw');
    expect(status).toBe(200);
    expect(body.metrics.map((m: { metric: string }) => m.metric)).toEqual([
      'accuracy',
      'helpfulness',
      'safety',
      'tone',
    ]);
    const accuracy = body.metrics[0];
    expect(accuracy.items).toBe(12);
    expect(accuracy.observed).toBeCloseTo(10 / 12, 6);
    expect(accuracy.kappa).toBeCloseTo(kappa(ANA, BEN), 5);
    // Everyone passed helpfulness: chance agreement is certain, kappa undefined.
    expect(body.metrics[1]).toEqual({ metric: 'helpfulness', items: 12, observed: 1, kappa: null });
    // Only one reviewer used `tone`: no overlap.
    expect(body.metrics[3]).toEqual({ metric: 'tone', items: 0, observed: null, kappa: null });
  });

  it('measures the gate’s precision and recall for gold against the reviewers', async () => {
    const { body } = await get('/api/v1/reviews/agreement?workload=rw');
    // Gold = every review of every reviewer passes: r0–r3, r5, r9, r10 (both passed), r12, r14–r16.
    // Gate-passed among the reviewed: r0–r12 (13). Both: 8.
    expect(body.gate).toEqual({
      reviewed: 17,
      gatePassed: 13,
      gold: 11,
      both: 8,
      precision: 8 / 13,
      recall: 8 / 11,
    });
  });

  it('is empty for another workload and refuses a bad window with a 400', async () => {
    const other = await get('/api/v1/reviews/agreement?workload=nothing');
    expect(other.body.gate.precision).toBeNull();
    expect(other.body.metrics[0]).toEqual({ metric: 'accuracy', items: 0, observed: null, kappa: null });
    const bad = await get('/api/v1/reviews/agreement?from=2026-05-10T00:00:00Z&to=2026-05-01T00:00:00Z');
    expect([bad.status, bad.body.error]).toEqual([400, expect.stringMatching(/^from: /)]);
  });
});
