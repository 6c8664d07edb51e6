import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { interaction, plusDays, signal } from '../fixtures/rows';

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const T0 = '2026-04-01T00:00:00Z';
const day = (d: number) => plusDays(T0, d);

const JSON_TYPE = { 'content-type': 'application/json' };
const send = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    headers: JSON_TYPE,
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const count = async (query: string) => {
  const result = await env.storage.client.query({ query, format: 'JSONEachRow' });
  return Number((await result.json<{ c: string }>())[0]!.c);
};

const rows: InteractionRow[] = [];
const sigs: SignalRow[] = [];
// Parent window [7, 14): v1, 48 of 80 succeed. Version window [14, 21): v2, 56 of 70 succeed
// (Newcombe 1998, Table II, example (a), reversed: 56/70 − 48/80).
for (let i = 0; i < 80; i++) {
  const t = day(7 + (i * 7) / 80);
  rows.push(interaction(`p${i}`, t, { workload_id: 'cw' }));
  sigs.push(signal(`p${i}`, i < 48 ? 'accepted' : 'regenerated', plusDays(t, 0.01)));
}
for (let i = 0; i < 70; i++) {
  const t = day(14 + (i * 7) / 70);
  rows.push(interaction(`n${i}`, t, { workload_id: 'cw', model_version: 'v2' }));
  sigs.push(signal(`n${i}`, i < 56 ? 'accepted' : 'regenerated', plusDays(t, 0.01)));
}
// The data window [0, 7): one interaction per membership case.
const data: Array<[string, number, string | null, Partial<InteractionRow>]> = [
  ['d0', 1, 'accepted', {}], // gate-passed
  ['d1', 1.5, 'accepted', {}], // gate-passed and reviewed gold → gold
  ['d2', 2, 'regenerated', {}], // fails the gate, reviewed gold → gold
  ['d3', 2.5, 'accepted', {}], // gate-passed but a reviewer failed accuracy → excluded
  ['d4', 3, 'corrected', {}], // the deciding signal is a correction → correction
  ['d5', 3.5, 'accepted', { response_words: 5 }], // fails the gate → excluded
  ['d6', 4, null, {}], // no outcome → excluded
  ['d7', 4.5, 'copied', {}], // gate-passed
];
for (const [id, d, kind, fields] of data) {
  rows.push(interaction(id, day(d), { workload_id: 'cw', ...fields }));
  if (kind)
    sigs.push(signal(id, kind, plusDays(day(d), 0.01), kind === 'corrected' ? { correction: 'better' } : {}));
}
const good = { accuracy: true, helpfulness: true, safety: true };

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
});
afterAll(() => env.dispose());

describe('POST/PATCH /api/v1/cycles', () => {
  it('creates with a generated id and the default status', async () => {
    const res = await send('POST', '/api/v1/cycles', {
      workloadId: 'other',
      modelVersion: 'x2',
      dataWindow: { from: day(0), to: day(1) },
    });
    expect(res.status).toBe(201);
    expect(res.body.cycle).toMatchObject({
      workloadId: 'other',
      status: 'collecting',
      parentVersion: null,
      deployedAt: null,
    });
    expect(res.body.cycle.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is an idempotent upsert that keeps fields not re-sent, with a history of changes', async () => {
    const body = {
      id: 'c1',
      workloadId: 'cw',
      modelVersion: 'v2',
      parentVersion: 'v1',
      dataWindow: { from: day(0), to: day(7) },
    };
    const first = await send('POST', '/api/v1/cycles', body);
    expect(first.status).toBe(201);
    const again = await send('POST', '/api/v1/cycles', body);
    expect(again.body.cycle.version).toBe(first.body.cycle.version);
    const patched = await send('PATCH', '/api/v1/cycles/c1', { status: 'training', notes: 'lr 1e-5' });
    expect(patched.status).toBe(200);
    expect(patched.body.cycle).toMatchObject({ status: 'training', notes: 'lr 1e-5', parentVersion: 'v1' });
    // A retried creation does not undo the later change.
    const retried = await send('POST', '/api/v1/cycles', body);
    expect(retried.body.cycle).toMatchObject({ status: 'training', notes: 'lr 1e-5' });
    const deployed = await send('PATCH', '/api/v1/cycles/c1', { status: 'deployed', deployedAt: day(14) });
    expect(deployed.body.cycle).toMatchObject({
      status: 'deployed',
      deployedAt: '2026-04-15T00:00:00.000000Z',
    });
    const one = await send('GET', '/api/v1/cycles/c1');
    expect(one.body.history.map((h: { status: string }) => h.status)).toEqual([
      'collecting',
      'training',
      'deployed',
    ]);
  });

  it('stamps the latest event time when a cycle is deployed without a time', async () => {
    await send('POST', '/api/v1/cycles', {
      id: 'c2',
      workloadId: 'other',
      modelVersion: 'x3',
      dataWindow: { from: day(0), to: day(1) },
    });
    const res = await send('PATCH', '/api/v1/cycles/c2', { status: 'deployed' });
    const latest = [...rows, ...sigs]
      .map((r) => r.time)
      .sort()
      .at(-1)!;
    expect(res.body.cycle.deployedAt).toBe(latest.replace(' ', 'T') + 'Z');
  });

  it('404 for an unknown cycle, 400 naming the field', async () => {
    expect((await send('PATCH', '/api/v1/cycles/nope', { status: 'training' })).status).toBe(404);
    const cases: Array<[unknown, RegExp]> = [
      [{ modelVersion: 'v', dataWindow: { from: day(0), to: day(1) } }, /^workloadId: /],
      [
        { workloadId: 'w', modelVersion: 'v', dataWindow: { from: day(0), to: day(1) }, status: 'done' },
        /^status: /,
      ],
      [
        { workloadId: 'w', modelVersion: 'v', dataWindow: { from: day(2), to: day(1) } },
        /^dataWindow\.from: must be before/,
      ],
      [
        { workloadId: 'w', modelVersion: 'v', dataWindow: { from: day(0), to: 'tomorrow' } },
        /^dataWindow\.to: /,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await send('POST', '/api/v1/cycles', body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(message);
    }
    expect((await send('PATCH', '/api/v1/cycles/c1', { deployedAt: 'noon' })).body.error).toMatch(
      /^deployedAt: /,
    );
  });
});

describe('reviews, judgments, evals', () => {
  it('accepts one or a batch, idempotently, and names the failing field', async () => {
    expect(
      (
        await send('POST', '/api/v1/reviews', {
          requestId: 'd1',
          reviewer: 'ann',
          labels: good,
          time: day(5),
        })
      ).body,
    ).toEqual({ accepted: 1 });
    const batch = {
      reviews: [
        { requestId: 'd1', reviewer: 'ann', labels: good, time: day(5) },
        { requestId: 'd2', reviewer: 'ann', labels: { ...good, tone: true }, time: day(5) },
        { requestId: 'd3', reviewer: 'bob', labels: { ...good, accuracy: false }, time: day(5) },
      ],
    };
    expect((await send('POST', '/api/v1/reviews', batch)).body).toEqual({ accepted: 3 });
    expect(await count("SELECT count() AS c FROM reviews FINAL WHERE request_id = 'd1'")).toBe(1);
    const bad = await send('POST', '/api/v1/reviews', {
      reviews: [
        batch.reviews[0],
        { requestId: 'x', reviewer: 'r', labels: { accuracy: true, helpfulness: true } },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^reviews\[1\]\.labels\.safety: /);
    expect(
      (
        await send('POST', '/api/v1/reviews', {
          requestId: 'x',
          reviewer: 'r',
          labels: { ...good, accuracy: 'yes' },
        })
      ).body.error,
    ).toMatch(/^labels\.accuracy: /);

    expect(
      (
        await send('POST', '/api/v1/judgments', {
          judgments: [
            { requestId: 'd1', judgeId: 'j', metric: 'accuracy', passed: true },
            { requestId: 'd1', judgeId: 'j', metric: 'sycophancy', score: 0.1 },
          ],
        })
      ).body,
    ).toEqual({ accepted: 2 });
    expect(
      (
        await send('POST', '/api/v1/judgments', {
          requestId: 'd1',
          judgeId: 'j',
          metric: 'accuracy',
          passed: true,
        })
      ).body,
    ).toEqual({ accepted: 1 });
    expect(await count("SELECT count() AS c FROM judgments FINAL WHERE request_id = 'd1'")).toBe(2);
    expect(
      (await send('POST', '/api/v1/judgments', { requestId: 'd1', judgeId: 'j', metric: 'accuracy' })).body
        .error,
    ).toMatch(/^passed: a judgment needs passed, score or label/);

    const evals = {
      evals: [
        { modelVersion: 'v1', goldenSet: 'g1', score: 0.7, time: day(6) },
        { modelVersion: 'v2', goldenSet: 'g1', score: 0.8, time: day(13) },
        { modelVersion: 'v2', goldenSet: 'g2', score: 0.1, time: day(13), n: 50 },
      ],
    };
    expect((await send('POST', '/api/v1/evals', evals)).body).toEqual({ accepted: 3 });
    expect((await send('POST', '/api/v1/evals', evals)).body).toEqual({ accepted: 3 });
    expect(await count('SELECT count() AS c FROM evals FINAL')).toBe(3);
    expect(
      (await send('POST', '/api/v1/evals', { modelVersion: 'v1', goldenSet: 'g1', score: 1.5, time: day(1) }))
        .body.error,
    ).toMatch(/^score: /);
  });
});

describe('POST /api/v1/cycles/{id}/snapshot', () => {
  it('refuses a window that ends less than the lag before the snapshot, naming the lag', async () => {
    const res = await send('POST', '/api/v1/cycles/c1/snapshot', { at: day(17) });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(
      /ends at 2026-04-08T00:00:00\.000000Z, 10\.0 days before the snapshot time .* at least 14 days/,
    );
    const shorter = await app.request(`/api/v1/cycles/c1/snapshot?lagDays=20`, {
      method: 'POST',
      body: JSON.stringify({ at: day(25) }),
      headers: JSON_TYPE,
    });
    expect(shorter.status).toBe(409);
    // The body is optional: without one, every default (the lag of 14 days as of the latest event).
    expect((await app.request('/api/v1/cycles/c1/snapshot', { method: 'POST' })).status).toBe(409);
    const notJson = await app.request('/api/v1/cycles/c1/snapshot', {
      method: 'POST',
      body: JSON.stringify({ at: day(25) }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(notJson.status).toBe(415);
    expect(await notJson.json()).toEqual({ error: 'content-type: send JSON bodies as application/json' });
    const malformed = await app.request('/api/v1/cycles', { method: 'POST', body: '{', headers: JSON_TYPE });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'body must be valid JSON' });
    expect((await send('POST', '/api/v1/cycles/nope/snapshot', {})).status).toBe(404);
    expect((await send('POST', '/api/v1/cycles/c1/snapshot', { lagDays: -1 })).body.error).toMatch(
      /^lagDays: /,
    );
  });

  it('freezes gold, gate-passed and correction examples, one source each', async () => {
    const early = await app.request(`/api/v1/cycles/c1/snapshot?lagDays=7`, {
      method: 'POST',
      body: JSON.stringify({ at: day(14) }),
      headers: JSON_TYPE,
    });
    expect(early.status).toBe(201);
    const res = await send('POST', '/api/v1/cycles/c1/snapshot', { at: day(21) });
    expect(res.status).toBe(201);
    expect(res.body.snapshot).toMatchObject({
      cycleId: 'c1',
      lagDays: 14,
      trainingVolume: { total: 5, gold: 2, gatePassed: 2, correction: 1 },
    });
    const members = await env.storage.client.query({
      query: `SELECT request_id, source FROM dataset_members FINAL WHERE dataset_id = {id:String} ORDER BY request_id`,
      query_params: { id: res.body.snapshot.id },
      format: 'JSONEachRow',
    });
    expect(await members.json()).toEqual([
      { request_id: 'd0', source: 'gate_passed' },
      { request_id: 'd1', source: 'gold' },
      { request_id: 'd2', source: 'gold' },
      { request_id: 'd4', source: 'correction' },
      { request_id: 'd7', source: 'gate_passed' },
    ]);
  });
});

describe('GET /api/v1/cycles', () => {
  it('reports training volume, the Newcombe online delta, the offline delta and time to improvement', async () => {
    const res = await send('GET', `/api/v1/cycles?workload=cw&asOf=${day(30)}`);
    expect(res.status).toBe(200);
    const [c1] = res.body.items;
    expect(c1).toMatchObject({
      id: 'c1',
      parentVersion: 'v1',
      status: 'deployed',
      trainingVolume: { total: 5, gold: 2, gatePassed: 2, correction: 1 },
      offlineDelta: expect.closeTo(0.1, 12),
      inHealthyBand: false,
    });
    expect(c1.onlineDelta.delta).toBeCloseTo(56 / 70 - 48 / 80, 12);
    expect(c1.onlineDelta.ci[0]).toBeCloseTo(0.0524, 4);
    expect(c1.onlineDelta.ci[1]).toBeCloseTo(0.3339, 4);
    expect(c1.onlineDelta).toMatchObject({
      significant: true,
      n: { version: 70, parent: 80 },
      windowClosed: true,
    });
    // Median event time of the five examples is day 2; deployed on day 14.
    expect(c1.timeToImprovementDays).toBeCloseTo(12, 6);
  });

  it('evaluates as of a time: before the deploy there is no online delta, mid-window it is open', async () => {
    const before = await send('GET', `/api/v1/cycles?workload=cw&asOf=${day(13)}`);
    expect(before.body.items[0].onlineDelta).toBeNull();
    // Snapshots cut later are not known yet; the day-14 snapshot is.
    expect(before.body.items[0].snapshot).toBeNull();
    const at14 = await send('GET', `/api/v1/cycles?workload=cw&asOf=${day(14)}`);
    expect(at14.body.items[0].snapshot.at).toBe('2026-04-15T00:00:00.000000Z');
    const mid = await send('GET', `/api/v1/cycles?workload=cw&asOf=${day(17.5)}`);
    expect(mid.body.items[0].onlineDelta).toMatchObject({
      windowClosed: false,
      n: { version: 35, parent: 80 },
    });
    const w3 = await send('GET', `/api/v1/cycles?workload=cw&asOf=${day(30)}&W=3`);
    expect(w3.body.items[0].onlineDelta.n.version).toBe(30);
  });
});
