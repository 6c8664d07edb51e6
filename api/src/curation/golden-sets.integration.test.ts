import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { interaction, plusDays, signal } from '../fixtures/rows';

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
let earlierId = '';
const T0 = '2026-03-02T00:00:00Z';
const day = (d: number) => plusDays(T0, d);
const WINDOW = { from: T0, to: day(20) };
const pass = { accuracy: true, helpfulness: true, safety: true };
const fail = { accuracy: false, helpfulness: true, safety: true };

// 60 interactions of one workload in two languages and two task types: 20 reviewed gold, 10 failed by a
// reviewer who wrote the right answer, 5 failed without one, 5 corrected by the user (one a
// near-duplicate of a gold one), 20 untouched (model answers only: never golden).
const rows: InteractionRow[] = [];
const sigs: SignalRow[] = [];
for (let i = 0; i < 60; i++) {
  rows.push(
    interaction(`q${i}`, day(i * 0.3), {
      workload_id: 'gw',
      language: i % 2 ? 'en' : 'de',
      attributes: { 'flywheel.task_type': i % 3 ? 'qa' : 'summarize' },
      prompt:
        i % 4
          ? `Short question ${i}?`
          : `A much longer question number ${i} with plenty of context. `.repeat(3),
      response: `Model answer ${i}.`,
      dup_key: i === 39 ? 'dup-q0' : `dup-q${i}`,
    }),
  );
  sigs.push(
    signal(`q${i}`, i >= 35 && i < 40 ? 'corrected' : 'accepted', plusDays(day(i * 0.3), 0.01), {
      ...(i >= 35 && i < 40 ? { correction: `User answer ${i}.` } : {}),
    }),
  );
}
rows.push(interaction('late', day(45), { workload_id: 'gw' }));

const call = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
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
  for (let i = 0; i < 20; i++)
    reviews.push({ requestId: `q${i}`, reviewer: 'ana', labels: pass, time: day(25) });
  for (let i = 20; i < 30; i++)
    reviews.push({
      requestId: `q${i}`,
      reviewer: 'ana',
      labels: fail,
      correction: `Right answer ${i}.`,
      time: day(25),
    });
  for (let i = 30; i < 35; i++)
    reviews.push({ requestId: `q${i}`, reviewer: 'ana', labels: fail, time: day(25) });
  expect((await call('POST', '/api/v1/reviews', { reviews })).status).toBe(200);
  // A training set frozen before any golden set exists (its leak is counted later).
  const earlier = await call('POST', '/api/v1/datasets', {
    workload: 'gw',
    window: { from: T0, to: day(10) },
    at: day(30),
  });
  expect(earlier.status).toBe(201);
  earlierId = earlier.body.dataset.id;
});
afterAll(() => env.dispose());

describe('golden sets', () => {
  let id = '';
  it('draws only human-reviewed expected outputs, one per near-duplicate, from every stratum', async () => {
    const created = await call('POST', '/api/v1/golden-sets', {
      name: 'gw-golden-v1',
      workload: 'gw',
      window: WINDOW,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    id = created.body.goldenSet.id;
    expect(id).toMatch(/^gs_/);
    // 20 gold + 10 reviewer corrections + 4 user corrections (q39 is q0's near-duplicate) = 34
    // candidates, all kept (size 200 > 34).
    expect(created.body.goldenSet.size).toBe(34);
    const members = await env.storage.client.query({
      query: `SELECT request_id, source, expected, difficulty, stratum FROM dataset_members FINAL
              WHERE dataset_id = {id:String} ORDER BY request_id`,
      query_params: { id },
      format: 'JSONEachRow',
    });
    const list = await members.json<{
      request_id: string;
      source: string;
      expected: string;
      difficulty: string;
      stratum: string;
    }>();
    for (const m of list) {
      const i = Number(m.request_id.slice(1));
      expect(i).toBeLessThan(39); // never an unreviewed, uncorrected interaction (30–34 failed, no answer)
      expect(i < 30 || i >= 35).toBe(true);
      if (i < 20) expect([m.source, m.expected]).toEqual(['gold', `Model answer ${i}.`]);
      else if (i < 30)
        expect([m.source, m.expected, m.difficulty]).toEqual([
          'correction',
          `Right answer ${i}.`,
          'failed_before',
        ]);
      else
        expect([m.source, m.expected, m.difficulty]).toEqual([
          'correction',
          `User answer ${i}.`,
          'failed_before',
        ]);
      expect(m.stratum.split('|')).toHaveLength(4);
    }
    expect(new Set(list.map((m) => m.difficulty))).toEqual(new Set(['failed_before', 'long', 'short']));
  });

  it('samples each stratum in proportion, at least one each', async () => {
    const small = await call('POST', '/api/v1/golden-sets', {
      name: 'gw-small',
      workload: 'gw',
      window: WINDOW,
      size: 8,
      seed: 3,
    });
    expect(small.status).toBe(201);
    const detail = await call('GET', `/api/v1/golden-sets/${small.body.goldenSet.id}`);
    const strata = detail.body.goldenSet.counts.byStratum as Array<{ key: string; count: number }>;
    const all = await call('GET', `/api/v1/golden-sets/${id}`);
    expect(strata.length).toBe(all.body.goldenSet.counts.byStratum.length);
    for (const s of strata) expect(s.count).toBeGreaterThanOrEqual(1);
    expect(small.body.goldenSet.size).toBeLessThan(34);
  });

  it('is idempotent, refuses a taken name, a window within the lag and bad bodies with 400s', async () => {
    const again = await call('POST', '/api/v1/golden-sets', {
      name: 'gw-golden-v1',
      workload: 'gw',
      window: WINDOW,
    });
    expect([again.status, again.body.goldenSet.id]).toEqual([200, id]);
    const taken = await call('POST', '/api/v1/golden-sets', {
      name: 'gw-golden-v1',
      workload: 'gw',
      window: WINDOW,
      seed: 9,
    });
    expect([taken.status, taken.body.error]).toEqual([
      400,
      expect.stringMatching(/^name: already names golden set gs_/),
    ]);
    const lag = await call('POST', '/api/v1/golden-sets', {
      name: 'x',
      workload: 'gw',
      window: { from: T0, to: day(40) },
    });
    expect([lag.status, lag.body.error]).toEqual([400, expect.stringMatching(/^window\.to: /)]);
    const bad = await call('POST', '/api/v1/golden-sets', {
      name: 'x',
      workload: 'gw',
      window: WINDOW,
      stratifyBy: ['colour'],
    });
    expect([bad.status, bad.body.error]).toEqual([400, expect.stringMatching(/^stratifyBy\[0\]: /)]);
    const size = await call('POST', '/api/v1/golden-sets', {
      name: 'x',
      workload: 'gw',
      window: WINDOW,
      size: 0,
    });
    expect([size.status, size.body.error]).toEqual([400, expect.stringMatching(/^size: /)]);
    expect((await call('GET', '/api/v1/golden-sets/gs_nothing')).status).toBe(404);
  });

  it('lists the sets and the offline evals that ran on each', async () => {
    await call('POST', '/api/v1/evals', {
      modelVersion: 'v2',
      goldenSet: 'gw-golden-v1',
      score: 0.8,
      n: 35,
      time: day(30),
      workloadId: 'gw',
    });
    await call('POST', '/api/v1/evals', {
      modelVersion: 'v1',
      goldenSet: 'other-set',
      score: 0.5,
      time: day(30),
    });
    const list = await call('GET', '/api/v1/golden-sets');
    expect(list.body.goldenSets.map((g: { name: string }) => g.name).sort()).toEqual([
      'gw-golden-v1',
      'gw-small',
    ]);
    const detail = await call('GET', `/api/v1/golden-sets/${id}`);
    expect(detail.body.goldenSet.evals).toEqual([
      { workload: 'gw', modelVersion: 'v2', time: '2026-04-01T00:00:00.000000Z', score: 0.8, n: 35 },
    ]);
  });

  it('keeps a later training set clear of the golden sets, and counts leaks into an earlier one', async () => {
    const training = await call('POST', '/api/v1/datasets', { workload: 'gw', window: WINDOW });
    expect(training.status).toBe(201);
    const report = await call('GET', `/api/v1/datasets/${training.body.dataset.id}`);
    expect(report.body.dataset.leakage.golden.sharedKeys).toBe(0);
    // The training set frozen before the golden sets: the report names the shared keys.
    const after = await call('GET', `/api/v1/datasets/${earlierId}`);
    expect(after.body.dataset.leakage.golden.sharedKeys).toBeGreaterThan(0);
    expect(after.body.dataset.leakage.golden.datasets).toContain(id);
  });
});
