import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import type { VelocityReport } from '../contract/types';
import { interaction, plusDays, signal } from '../fixtures/rows';
import { isSampledForReview } from '../queries/review-queue';

// Hand-built workloads: one per stagnation cause (each with two flat cycles), one improving, one with
// a single cycle, and one whose interactions exercise every step of the outcome rule.
let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const T0 = '2026-03-02T00:00:00Z';
const AS_OF = plusDays(T0, 42);

const send = (method: string, path: string, body: unknown) =>
  app.request(path, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
async function get<T>(path: string): Promise<T> {
  const res = await app.request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

interface Shape {
  perDay: number;
  /** Interaction index → has a signal, and whether it is a success. */
  signalled: (i: number) => boolean;
  success: (i: number, version: string) => boolean;
  fields?: Partial<InteractionRow>;
  reviewSampled?: boolean;
}

const interactions: InteractionRow[] = [];
const signals: SignalRow[] = [];
const reviews: unknown[] = [];

/** Six weeks: v1 in days 0–14, v2 in 14–28, v3 in 28–42; cycles deploy v2 at day 14 and v3 at day 28. */
function workload(name: string, shape: Shape) {
  const total = 42 * shape.perDay;
  for (let i = 0; i < total; i++) {
    const day = i / shape.perDay;
    const version = day < 14 ? 'v1' : day < 28 ? 'v2' : 'v3';
    const id = `${name}-${i}`;
    const time = plusDays(T0, day);
    interactions.push(interaction(id, time, { workload_id: name, model_version: version, ...shape.fields }));
    if (shape.signalled(i)) {
      const ok = shape.success(i, version);
      signals.push(signal(id, ok ? 'accepted' : 'regenerated', plusDays(time, 0.01)));
      const gatePasses = ok && (shape.fields?.response_words ?? 50) >= 20;
      if (shape.reviewSampled && gatePasses && isSampledForReview(id))
        reviews.push({
          requestId: id,
          reviewer: 'r',
          time: plusDays(time, 2),
          labels: { accuracy: true, helpfulness: true, safety: true },
        });
    }
  }
}

const everyFifthFails = (i: number) => i % 5 !== 0;
workload('strict', {
  perDay: 10,
  signalled: () => true,
  success: everyFifthFails,
  fields: { response_words: 5 },
});
workload('queue', { perDay: 10, signalled: () => true, success: everyFifthFails });
workload('sparse', {
  perDay: 20,
  signalled: (i) => i % 25 === 0,
  success: (i) => i % 3 !== 0,
  reviewSampled: true,
});
workload('saturated', {
  perDay: 10,
  signalled: () => true,
  success: (i) => i % 40 !== 0,
  reviewSampled: true,
});
workload('growing', {
  perDay: 20,
  signalled: () => true,
  success: (i, v) => (v === 'v1' ? i % 2 === 0 : v === 'v2' ? i % 10 < 7 : i % 10 < 9),
  reviewSampled: true,
});

// The outcome rule (docs/design.md §3), one interaction per case, on 2026-06-01 with asOf 12:00.
const P = '2026-06-01T10:00:00Z';
const precedence: Array<[string, string, Array<[string, number, number | null]>]> = [
  [
    'p1',
    P,
    [
      ['accepted', 1, null],
      ['thumbs_down', 2, null],
    ],
  ], // thumbs beat everything → failure
  [
    'p2',
    P,
    [
      ['copied', 1, null],
      ['regenerated', 2, null],
    ],
  ], // regenerated > copied → failure
  [
    'p3',
    P,
    [
      ['follow_up', 1, null],
      ['edited', 2, 0.1],
    ],
  ], // edited (ratio ≤ 0.2) > follow_up → success
  ['p4', P, [['edited', 1, 0.5]]], // heavy edit → failure
  [
    'p5',
    P,
    [
      ['thumbs_up', 1, null],
      ['thumbs_down', 2, null],
    ],
  ], // tie → latest → failure
  [
    'p6',
    P,
    [
      ['thumbs_down', 1, null],
      ['thumbs_up', 2, null],
    ],
  ], // tie → latest → success
  [
    'p7',
    P,
    [
      ['accepted', 1, null],
      ['corrected', 2, null],
    ],
  ], // corrected > accepted → failure
  ['p8', P, []], // no signal → unknown
  ['p9', '2026-05-31T09:00:00Z', [['accepted', 25 * 60, null]]], // after the 24 h window → unknown
  ['p10', '2026-06-01T11:00:00Z', [['accepted', 90, null]]], // after asOf → unknown
];
for (const [id, time, sigs] of precedence) {
  interactions.push(interaction(id, time, { workload_id: 'prec' }));
  for (const [kind, minutes, value] of sigs)
    signals.push(signal(id, kind, new Date(Date.parse(time) + minutes * 60_000).toISOString(), { value }));
}

beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(''),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
  await insertInteractions(env.storage.client, interactions);
  await insertSignals(env.storage.client, signals);
  expect((await send('POST', '/api/v1/reviews', { reviews })).status).toBe(200);
  for (const name of ['strict', 'queue', 'sparse', 'saturated', 'growing']) {
    for (const [version, parent, day] of [
      ['v2', 'v1', 14],
      ['v3', 'v2', 28],
    ] as const) {
      const res = await send('POST', '/api/v1/cycles', {
        id: `${name}-${version}`,
        workloadId: name,
        modelVersion: version,
        parentVersion: parent,
        dataWindow: { from: plusDays(T0, day - 14), to: plusDays(T0, day - 7) },
        status: 'deployed',
        deployedAt: plusDays(T0, day),
      });
      expect(res.status).toBe(201);
    }
  }
  // Thresholds of its own that judge its traffic as the project's do: read apart, with the same result.
  const own = await send('PUT', '/api/v1/gate/config', {
    workload: 'saturated',
    config: { minResponseWords: 19 },
  });
  expect(own.status).toBe(200);
  // One measured cycle only.
  await send('POST', '/api/v1/cycles', {
    id: 'prec-c1',
    workloadId: 'prec',
    modelVersion: 'v1',
    dataWindow: { from: '2026-05-01T00:00:00Z', to: '2026-05-02T00:00:00Z' },
  });
});
afterAll(() => env.dispose());

type Velocity = VelocityReport;

describe('outcome rule in the velocity counts', () => {
  it('applies precedence, ties to the latest, the signal window and asOf', async () => {
    const v = await get<Velocity>(
      '/api/v1/velocity?workload=prec&from=2026-05-30T00:00:00Z&to=2026-06-02T00:00:00Z&asOf=2026-06-01T12:00:00Z',
    );
    expect(v.totals).toEqual({
      interactions: 10,
      candidates: 7,
      successes: 2,
      explicitRate: 0.3,
      coverage: 0.7,
      successRate: 2 / 7,
    });
    // A bucket is complete once its last interaction's signal window has closed: not yet at 06-01 12:00.
    expect(v.buckets.map((b) => [b.bucket, b.interactions, b.complete])).toEqual([
      ['2026-05-31', 1, false],
      ['2026-06-01', 9, false],
    ]);
    const later = await get<Velocity>(
      '/api/v1/velocity?workload=prec&from=2026-05-30T00:00:00Z&to=2026-06-02T00:00:00Z&asOf=2026-06-02T00:00:00Z',
    );
    expect(later.buckets[0]!.complete).toBe(true);
  });
});

describe('velocity per workload', () => {
  let velocity: Velocity;
  const of = (name: string) => velocity.workloads.find((w) => w.workloadId === name)!;
  beforeAll(async () => {
    velocity = await get<Velocity>(`/api/v1/velocity?asOf=${AS_OF}&bucket=week&from=${T0}`);
  });

  it('places each workload in its phase band, cold start below the volume floor', () => {
    expect(of('queue').phase).toMatchObject({ phase: 'acceleration', successRate: 0.8, candidates: 280 });
    expect(of('saturated').phase.phase).toBe('maturity');
    expect(of('growing').phase).toMatchObject({ phase: 'acceleration' }); // v2 70% and v3 90% over 28 days
    expect(of('sparse').phase).toMatchObject({ phase: 'cold_start' });
    expect(of('sparse').phase.candidates).toBeLessThan(200);
  });

  it('names exactly the cause behind each stagnating workload', () => {
    const causes = (name: string) => of(name).stagnation.causes.map((c) => c.cause);
    expect(of('strict').stagnation.stagnating).toBe(true);
    expect(causes('strict')).toEqual(['gate_too_strict']);
    expect(causes('queue')).toEqual(['review_queue_backed_up']);
    expect(causes('sparse')).toEqual(['feedback_too_sparse']);
    expect(causes('saturated')).toEqual(['saturation']);
    expect(of('queue').stagnation.causes[0]!.evidence).toMatch(
      /oldest pending review has waited \d+\.\d days/,
    );
    expect(of('strict').stagnation.causes[0]!.evidence).toMatch(/gate pass rate 0\.0%/);
  });

  it('does not diagnose an improving workload, and needs two measured cycles', () => {
    expect(of('growing').stagnation).toMatchObject({ stagnating: false, causes: [], evidence: null });
    expect(of('growing').stagnation.cycles).toHaveLength(2);
    expect(of('prec').stagnation.stagnating).toBeNull();
  });

  it('gives each workload its gate over the window with its band, as its own report does', async () => {
    expect(of('strict').gate.band).toBe('too_strict');
    const own = await get<Velocity>(`/api/v1/velocity?asOf=${AS_OF}&bucket=week&from=${T0}&workload=queue`);
    const evaluated = own.buckets.reduce((s, b) => s + b.gate.evaluated, 0);
    const passed = own.buckets.reduce((s, b) => s + b.gate.passed, 0);
    expect(evaluated).toBeGreaterThan(0);
    expect(of('queue').gate).toMatchObject({ evaluated, passed, passRate: passed / evaluated });
    expect(own.workloads).toHaveLength(1);
    expect(own.workloads[0]!.gate).toEqual(of('queue').gate);
  });

  it("takes each stagnating workload's evidence and gate from one pass for all, equal to its own report's", async () => {
    // queue and sparse share the project's thresholds; saturated stores its own and is read apart.
    for (const name of ['queue', 'sparse', 'saturated']) {
      const own = await get<Velocity>(
        `/api/v1/velocity?asOf=${AS_OF}&bucket=week&from=${T0}&workload=${name}`,
      );
      expect(of(name).stagnation.evidence, name).not.toBeNull();
      expect(of(name).stagnation, name).toEqual(own.workloads[0]!.stagnation);
      expect(of(name).gate, name).toEqual(own.workloads[0]!.gate);
    }
  });

  it("carries each workload's own series, equal to its own report's and summing to the project's", async () => {
    const own = await get<Velocity>(`/api/v1/velocity?asOf=${AS_OF}&bucket=week&from=${T0}&workload=queue`);
    expect(of('queue').buckets.length).toBeGreaterThan(0);
    expect(of('queue').buckets).toEqual(own.buckets.map(({ complete: _c, gate: _g, ...b }) => b));
    for (const bucket of velocity.buckets) {
      const parts = velocity.workloads.flatMap((w) => w.buckets.filter((b) => b.bucket === bucket.bucket));
      expect(parts.reduce((n, b) => n + b.interactions, 0)).toBe(bucket.interactions);
      expect(parts.reduce((n, b) => n + b.successes, 0)).toBe(bucket.successes);
    }
  });

  it('measures the phase over the 28 days before asOf whatever window is shown, and the series over the window', async () => {
    // Week 1 lies apart from the phase's 28 days (weeks 3–6); weeks 2–3 reach into them.
    for (const [from, to] of [
      [T0, plusDays(T0, 7)],
      [plusDays(T0, 7), plusDays(T0, 21)],
    ] as const) {
      const part = await get<Velocity>(`/api/v1/velocity?asOf=${AS_OF}&bucket=week&from=${from}&to=${to}`);
      for (const w of part.workloads) {
        expect(w.phase, w.workloadId).toEqual(of(w.workloadId).phase);
        const weeks = new Set(w.buckets.map((b) => b.bucket));
        expect(w.buckets, w.workloadId).toEqual(of(w.workloadId).buckets.filter((b) => weeks.has(b.bucket)));
      }
      expect(part.buckets.map((b) => b.bucket)).toEqual(
        velocity.buckets.map((b) => b.bucket).filter((b) => b >= from.slice(0, 10) && b < to.slice(0, 10)),
      );
    }
  });

  it('reports the gate pass rate per bucket', () => {
    const all = velocity.buckets.reduce((s, b) => s + b.gate.evaluated, 0);
    expect(all).toBeGreaterThan(0);
    expect(velocity.buckets.every((b) => b.gate.passed <= b.gate.evaluated)).toBe(true);
  });
});

describe('validation', () => {
  it.each([
    ['bucket=month', /^bucket: /],
    ['from=yesterday', /^from: /],
    ['W=0', /^W: /],
    ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', /^from: must be before to/],
    ['nope=1', /Unrecognized key/],
  ])('400 for %s', async (query, message) => {
    const res = await app.request(`/api/v1/velocity?${query}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });
});
