import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { upsertAlarms } from '../queries/alarms';
import { interaction, plusDays, signal } from '../fixtures/rows';

// Two projects with the same shape of data under different names. Every endpoint, called with one
// project's key, must never show a name of the other project.
let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const KEYS = { a: 'alpha-key-0123456789', b: 'bravo-key-0123456789' };
const T0 = '2026-02-02T00:00:00Z';
// The trace each fixture interaction belongs to (one call per trace).
const traceOf = (requestId: string) => interaction(requestId, T0).trace_id;

const rows: InteractionRow[] = [];
const sigs: SignalRow[] = [];
for (const p of ['a', 'b'] as const) {
  for (let i = 0; i < 300; i++) {
    const id = `${p}req-${i}`;
    const time = plusDays(T0, i / 10);
    rows.push(
      interaction(id, time, {
        project_id: p,
        workload_id: `${p}work`,
        model_version: i < 150 ? `${p}ver1` : `${p}ver2`,
        user_id: `${p}user-${i % 25}`,
        language: p === 'a' ? 'en' : 'de',
      }),
    );
    sigs.push(signal(id, i % 4 ? 'accepted' : 'thumbs_down', plusDays(time, 0.01), { project_id: p }));
  }
}
const names = (p: 'a' | 'b') => [
  `${p}req-`,
  `${p}work`,
  `${p}ver1`,
  `${p}ver2`,
  `${p}user-`,
  `${p}cycle`,
  `${p}golden`,
  `${p}judge`,
  `${p}reviewer`,
  `${p}alarm`,
];

const call = (p: 'a' | 'b' | null, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...(p ? { authorization: `Bearer ${KEYS[p]}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

const writes = (p: 'a' | 'b'): Array<[string, string, unknown]> => [
  [
    'POST',
    '/api/v1/cycles',
    {
      id: `${p}cycle`,
      workloadId: `${p}work`,
      modelVersion: `${p}ver2`,
      parentVersion: `${p}ver1`,
      dataWindow: { from: T0, to: plusDays(T0, 5) },
      status: 'deployed',
      deployedAt: plusDays(T0, 15),
    },
  ],
  ['PATCH', `/api/v1/cycles/${p}cycle`, { notes: `${p}notes` }],
  [
    'POST',
    '/api/v1/evals',
    { modelVersion: `${p}ver1`, goldenSet: `${p}golden`, score: 0.5, time: plusDays(T0, 10) },
  ],
  [
    'POST',
    '/api/v1/reviews',
    {
      requestId: `${p}req-1`,
      reviewer: `${p}reviewer`,
      labels: { accuracy: true, helpfulness: true, safety: true },
      time: plusDays(T0, 20),
    },
  ],
  [
    'POST',
    '/api/v1/judgments',
    {
      requestId: `${p}req-1`,
      judgeId: `${p}judge`,
      metric: 'accuracy',
      passed: true,
      time: plusDays(T0, 20),
    },
  ],
  ['POST', `/api/v1/cycles/${p}cycle/snapshot`, { at: plusDays(T0, 25) }],
  [
    'POST',
    '/api/v1/datasets',
    { workload: `${p}work`, window: { from: T0, to: plusDays(T0, 10) }, at: plusDays(T0, 30) },
  ],
  ['POST', '/api/v1/review-queue/claim', { reviewer: `${p}reviewer`, limit: 5 }],
  [
    'POST',
    '/api/v1/golden-sets',
    {
      name: `${p}golden`,
      workload: `${p}work`,
      window: { from: T0, to: plusDays(T0, 10) },
      at: plusDays(T0, 30),
    },
  ],
];
const READS = [
  '/api/v1/velocity',
  '/api/v1/velocity?bucket=week',
  '/api/v1/cycles',
  '/api/v1/cycles/{mine}',
  '/api/v1/cycles/{theirs}',
  '/api/v1/checks/drift',
  '/api/v1/checks/sycophancy',
  '/api/v1/checks/latency-bias',
  '/api/v1/checks/survivorship',
  '/api/v1/alarms',
  '/api/v1/alarms/{mine-alarm}',
  '/api/v1/alarms/{theirs-alarm}',
  '/api/v1/datasets',
  '/api/v1/review-queue',
  '/api/v1/traces/{mine-trace}',
  '/api/v1/traces/{theirs-trace}',
  '/api/v1/reviews/agreement',
  '/api/v1/golden-sets',
  '/api/v1/examples/similar?workload={work}&text=How%20do%20I%20rotate%20a%20key%3F',
  '/api/v1/meta',
  '/api/v1/signal-mix',
  '/api/v1/signal-mix?bucket=week&workload={work}',
  '/api/v1/compare?workload={work}&baseline={ver1}&candidate={ver2}',
  '/api/v1/interactions?limit=5',
  '/api/v1/interactions?limit=5&gateReason=outcome',
  '/api/v1/interactions/export',
  '/api/v1/interactions/export?gateReason=outcome',
];

beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(`a:${KEYS.a},b:${KEYS.b}`),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
  await insertInteractions(env.storage.client, rows);
  await insertSignals(env.storage.client, sigs);
  // One stored alarm per project, as the evaluator writes them.
  await upsertAlarms(
    env.storage.client,
    (['a', 'b'] as const).map((p) => ({
      id: `${p}alarm`,
      projectId: p,
      kind: 'regression_after_deploy' as const,
      severity: 'critical' as const,
      workloadId: `${p}work`,
      modelVersion: `${p}ver2`,
      state: 'firing' as const,
      firedAt: '2026-02-20 00:00:00.000000',
      resolvedAt: null,
      evaluatedAt: '2026-02-20 00:00:00.000000',
      evidence: { parentVersion: `${p}ver1` },
      recommendation: `roll back to ${p}ver1`,
    })),
  );
  for (const p of ['a', 'b'] as const) {
    for (const [method, path, body] of writes(p)) {
      const res = await call(p, method, path, body);
      expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
    }
  }
});
afterAll(() => env.dispose());

describe('project isolation', () => {
  it.each(READS)('GET %s shows only the caller’s project', async (path) => {
    for (const [me, other] of [
      ['a', 'b'],
      ['b', 'a'],
    ] as const) {
      const res = await call(
        me,
        'GET',
        path
          .replace('{mine}', `${me}cycle`)
          .replace('{theirs}', `${other}cycle`)
          .replace('{mine-alarm}', `${me}alarm`)
          .replace('{theirs-alarm}', `${other}alarm`)
          .replace('{mine-trace}', traceOf(`${me}req-1`))
          .replace('{theirs-trace}', traceOf(`${other}req-1`))
          .replace('{work}', `${me}work`)
          .replace('{ver1}', `${me}ver1`)
          .replace('{ver2}', `${me}ver2`),
      );
      const text = await res.text();
      if (path.includes('{theirs')) {
        expect(res.status).toBe(404); // another project's cycle or alarm does not exist for this key
        continue;
      }
      expect(res.status, text).toBe(200);
      for (const name of names(other)) expect(text).not.toContain(name);
    }
  });

  it('shows each project its own data', async () => {
    const velocity = (await (await call('a', 'GET', '/api/v1/velocity')).json()) as {
      totals: { interactions: number };
    };
    expect(velocity.totals.interactions).toBe(300);
    const text = await (await call('a', 'GET', '/api/v1/cycles')).text();
    expect(text).toContain('acycle');
    const examples = await call('a', 'GET', '/api/v1/examples/similar?workload=awork&text=rotate%20a%20key');
    expect(await examples.text()).toContain('areq-1');
    expect(await (await call('a', 'GET', '/api/v1/meta')).text()).toContain('aver2');
    // A thumbs-down decides a quarter of the outcomes: the gate rejects those for their outcome.
    expect(await (await call('a', 'GET', '/api/v1/interactions/export?gateReason=outcome')).text()).toContain(
      'areq-',
    );
    const compare = await call('a', 'GET', '/api/v1/compare?workload=awork&baseline=aver1&candidate=aver2');
    expect(await compare.text()).toContain('areq-');
  });

  it('writes land in the caller’s project, and another project’s cycle cannot be changed', async () => {
    for (const table of [
      'cycles',
      'evals',
      'reviews',
      'judgments',
      'datasets',
      'dataset_members',
      'review_leases',
      'gold_examples',
    ]) {
      const result = await env.storage.client.query({
        query: `SELECT groupUniqArray(project_id) AS projects FROM ${table}`,
        format: 'JSONEachRow',
      });
      const [row] = (await result.json()) as Array<{ projects: string[] }>;
      expect(row!.projects.sort(), table).toEqual(['a', 'b']);
    }
    const members = await env.storage.client.query({
      query: `SELECT count() AS c FROM dataset_members WHERE project_id = 'a' AND request_id LIKE 'breq-%'`,
      format: 'JSONEachRow',
    });
    expect(Number(((await members.json()) as Array<{ c: string }>)[0]!.c)).toBe(0);
    expect((await call('a', 'PATCH', '/api/v1/cycles/bcycle', { notes: 'x' })).status).toBe(404);
    expect((await call('a', 'POST', '/api/v1/cycles/bcycle/snapshot', {})).status).toBe(404);
  });

  it('shows a dataset, its report and its exports to its own project only', async () => {
    const idOf = async (p: 'a' | 'b') => {
      const list = (await (await call(p, 'GET', '/api/v1/datasets')).json()) as {
        datasets: Array<{ id: string; kind: string }>;
      };
      return list.datasets.find((d) => d.kind === 'training')!.id;
    };
    const ids = { a: await idOf('a'), b: await idOf('b') };
    for (const [me, other] of [
      ['a', 'b'],
      ['b', 'a'],
    ] as const) {
      for (const suffix of ['', '/export?format=sft', '/export?format=dpo', '/export?format=parquet']) {
        const mine = await call(me, 'GET', `/api/v1/datasets/${ids[me]}${suffix}`);
        const text = Buffer.from(await mine.arrayBuffer()).toString('latin1');
        expect(mine.status, text).toBe(200);
        for (const name of names(other)) expect(text).not.toContain(name);
        expect((await call(me, 'GET', `/api/v1/datasets/${ids[other]}${suffix}`)).status).toBe(404);
      }
      const parquet = await call(me, 'GET', `/api/v1/datasets/${ids[me]}/export?format=parquet`);
      expect(Buffer.from(await parquet.arrayBuffer()).toString('latin1')).toContain(`${me}req-`);
    }
  });
});

describe('authentication', () => {
  const every = [
    ...READS.map(
      (p) =>
        [
          'GET',
          p
            .replace('{mine}', 'acycle')
            .replace('{theirs}', 'bcycle')
            .replace('{mine-alarm}', 'aalarm')
            .replace('{theirs-alarm}', 'balarm')
            .replace('{mine-trace}', traceOf('areq-1'))
            .replace('{theirs-trace}', traceOf('breq-1'))
            .replace('{work}', 'awork')
            .replace('{ver1}', 'aver1')
            .replace('{ver2}', 'aver2'),
          undefined,
        ] as [string, string, unknown],
    ),
    ...writes('a'),
  ];
  it.each(every)('%s %s: 401 without a key or with a wrong one', async (method, path, body) => {
    expect((await call(null, method, path, body)).status).toBe(401);
    const wrong = await app.request(path, {
      method,
      headers: { authorization: 'Bearer wrong-key-0123456789' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(wrong.status).toBe(401);
  });

  it('serves the OpenAPI document and the reference page without a key', async () => {
    const doc = (await (await call(null, 'GET', '/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/velocity', '/api/v1/cycles/{id}/snapshot', '/api/v1/checks/drift']),
    );
    const page = await call(null, 'GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<script src="/api/docs/reference.js" defer></script>');
    const script = await call(null, 'GET', '/api/docs/reference.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });
});
