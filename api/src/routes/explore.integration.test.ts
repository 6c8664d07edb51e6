import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { interaction, plusDays, signal } from '../fixtures/rows';

// The explorer's paging and export, the data extent, the signal mix and the version comparison, over a
// fixture whose answers are known: 120 interactions of two versions, a third of them re-delivered.
let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const T0 = '2026-05-04T00:00:00Z'; // a Monday
const rows: InteractionRow[] = [];
const sigs: SignalRow[] = [];
for (let i = 0; i < 120; i++) {
  const id = `req-${String(i).padStart(3, '0')}`;
  const time = plusDays(T0, i / 10); // 12 days
  const v2 = i >= 60;
  rows.push(
    interaction(id, time, {
      workload_id: i % 6 === 5 ? 'other' : 'chat',
      model_version: v2 ? 'v2' : 'v1',
      prompt: `How do I reset the password of account ${i % 10}?`,
      response: v2 ? `v2 answer ${i}` : `v1 answer ${i}`,
      latency_ms: v2 ? 300 : 500,
    }),
  );
  // v1: 3 of 4 accepted; v2: 1 of 4 (a regression). Every 8th gets a thumbs-up too.
  sigs.push(signal(id, (v2 ? i % 4 === 0 : i % 4 !== 0) ? 'accepted' : 'regenerated', plusDays(time, 0.01)));
  if (i % 8 === 0) sigs.push(signal(id, 'thumbs_up', plusDays(time, 0.02)));
}

const get = async (path: string) => {
  const res = await app.request(path);
  return {
    status: res.status,
    body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text(),
  };
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
  // Re-deliveries (same spans, same signals) that the engine has not merged: counted once everywhere.
  await insertInteractions(env.storage.client, rows.slice(0, 40));
  await insertSignals(env.storage.client, sigs);
  await insertSignals(env.storage.client, sigs.slice(0, 30));
});
afterAll(() => env.dispose());

type Page = {
  items: Array<{ requestId: string; signals: string[] }>;
  total: number;
  nextCursor: string | null;
  prevCursor: string | null;
};

describe('GET /api/v1/interactions paging', () => {
  it('goes forward to the end and back to the start with a stable total', async () => {
    const seen: string[][] = [];
    let page = (await get('/api/v1/interactions?workload=chat&limit=30')).body as Page;
    expect(page.prevCursor).toBeNull();
    seen.push(page.items.map((i) => i.requestId));
    while (page.nextCursor) {
      expect(page.total).toBe(100);
      page = (await get(`/api/v1/interactions?workload=chat&limit=30&cursor=${page.nextCursor}`))
        .body as Page;
      seen.push(page.items.map((i) => i.requestId));
    }
    expect(seen.map((s) => s.length)).toEqual([30, 30, 30, 10]);
    const all = seen.flat();
    expect(new Set(all).size).toBe(100);
    expect(all).toEqual([...all].sort().reverse()); // newest first; ids grow with time
    // Back from the last page: the same pages in reverse.
    const back: string[][] = [];
    while (page.prevCursor) {
      page = (await get(`/api/v1/interactions?workload=chat&limit=30&cursor=${page.prevCursor}`))
        .body as Page;
      expect(page.total).toBe(100);
      back.push(page.items.map((i) => i.requestId));
    }
    expect(back).toEqual(seen.slice(0, -1).reverse());
    expect(page.prevCursor).toBeNull();
  });

  it('gives the same rows in pages of any size as in one page, under a filter or none', async () => {
    // Ten rows a day: a page of 7 is found in the last day, one of 40 in 8 days, a filtered one only
    // in the whole range.
    const cases: Array<[string, number]> = [
      ['', 7],
      ['', 40],
      ['q=account%203&', 5],
      ['outcome=failure&', 13],
    ];
    for (const [filter, limit] of cases) {
      const whole = (await get(`/api/v1/interactions?${filter}limit=1000`)).body as Page;
      const seen: string[] = [];
      let page = (await get(`/api/v1/interactions?${filter}limit=${limit}`)).body as Page;
      seen.push(...page.items.map((i) => i.requestId));
      while (page.nextCursor) {
        page = (await get(`/api/v1/interactions?${filter}limit=${limit}&cursor=${page.nextCursor}`))
          .body as Page;
        seen.push(...page.items.map((i) => i.requestId));
      }
      expect(seen, `${filter} ${limit}`).toEqual(whole.items.map((i) => i.requestId));
    }
  });

  it('counts and pages under every filter, with each row’s signals', async () => {
    const page = (await get('/api/v1/interactions?modelVersion=v2&outcome=success&limit=5')).body as Page;
    expect(page.total).toBe(15);
    expect(page.items).toHaveLength(5);
    expect(page.items[0]!.signals[0]).toBe('accepted');
    const text = (await get('/api/v1/interactions?q=ACCOUNT%203&limit=100')).body as Page;
    expect(text.total).toBe(12);
  });

  it('refuses a cursor it did not give out, naming the parameter', async () => {
    const res = await get('/api/v1/interactions?cursor=bogus');
    expect(res.status).toBe(400);
    expect((res.body as { error: string }).error).toMatch(/^cursor/);
  });
});

describe('GET /api/v1/interactions/export', () => {
  it('streams exactly the filtered rows as CSV, newest first', async () => {
    const filter = 'workload=chat&modelVersion=v1&outcome=failure';
    const list = (await get(`/api/v1/interactions?${filter}&limit=1000`)).body as Page;
    const res = await app.request(`/api/v1/interactions/export?${filter}`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe(
      '"request_id","time","workload","model_version","user_id","outcome","signals","latency_ms","output_tokens","prompt","response"',
    );
    const ids = lines.slice(1).map((l) => JSON.parse(l.split(',')[0]!) as string);
    expect(ids).toEqual(list.items.map((i) => i.requestId));
    expect(ids.length).toBe(list.total);
    expect(lines.slice(1).every((l) => l.includes('"failure"'))).toBe(true);
  });
});

describe('GET /api/v1/meta', () => {
  it('gives the newest event time and the workloads with their versions, each interaction once', async () => {
    const meta = (await get('/api/v1/meta')).body as {
      latestEventTime: string;
      workloads: Array<{
        workloadId: string;
        interactions: number;
        versions: Array<{ modelVersion: string; interactions: number }>;
      }>;
    };
    // The newest event is the last interaction's signal, 0.01 days after it (day 11.9).
    expect(meta.latestEventTime).toBe('2026-05-15T21:50:24.000000Z');
    expect(meta.workloads.map((w) => [w.workloadId, w.interactions])).toEqual([
      ['chat', 100],
      ['other', 20],
    ]);
    expect(meta.workloads[0]!.versions.map((v) => [v.modelVersion, v.interactions])).toEqual([
      ['v2', 50],
      ['v1', 50],
    ]);
  });
});

describe('GET /api/v1/signal-mix', () => {
  it('counts each signal once per kind and week, explicit apart from implicit', async () => {
    const mix = (await get('/api/v1/signal-mix?bucket=week&from=2026-05-01T00:00:00Z')).body as {
      totals: { signals: number; explicit: number; implicit: number };
      kinds: Array<{ kind: string; signals: number }>;
      buckets: Array<{ bucket: string; signals: number; kinds: Record<string, number> }>;
    };
    expect(mix.totals).toEqual({ signals: 135, explicit: 15, implicit: 120 });
    expect(mix.kinds.map((k) => [k.kind, k.signals])).toEqual([
      ['accepted', 60],
      ['regenerated', 60],
      ['thumbs_up', 15],
    ]);
    expect(mix.buckets.map((b) => b.bucket)).toEqual(['2026-05-04', '2026-05-11']);
    expect(mix.buckets[0]!.signals).toBe(70 + 9); // days 0–6: 70 interactions, thumbs on every 8th
    const chat = (await get('/api/v1/signal-mix?workload=chat&from=2026-05-01T00:00:00Z')).body as {
      totals: { implicit: number };
    };
    expect(chat.totals.implicit).toBe(100);
  });
});

describe('GET /api/v1/compare', () => {
  it('compares two versions with the cycles’ interval and pairs responses to similar prompts', async () => {
    const res = await get(
      '/api/v1/compare?workload=chat&baseline=v1&candidate=v2&from=2026-05-01T00:00:00Z&samples=3',
    );
    expect(res.status).toBe(200);
    const report = res.body as {
      baseline: { interactions: number; successRate: number; latencyMs: { p50: number } };
      candidate: { interactions: number; successRate: number; signals: { kinds: Array<{ kind: string }> } };
      deltas: {
        successRate: { delta: number; ci: [number, number]; significant: boolean };
        latencyP50Ms: number;
      };
      samples: Array<{
        similarity: number;
        baseline: { prompt: string; response: string };
        candidate: { prompt: string; response: string };
      }>;
    };
    expect(report.baseline.interactions).toBe(50);
    expect(report.candidate.interactions).toBe(50);
    expect(report.deltas.successRate.delta).toBeLessThan(-0.3);
    expect(report.deltas.successRate.significant).toBe(true);
    expect(report.deltas.successRate.ci[1]).toBeLessThan(0);
    expect(report.deltas.latencyP50Ms).toBe(-200);
    expect(report.samples).toHaveLength(3);
    for (const s of report.samples) {
      expect(s.similarity).toBe(1);
      expect(s.baseline.prompt).toBe(s.candidate.prompt);
      expect(s.baseline.response).toMatch(/^v1 /);
      expect(s.candidate.response).toMatch(/^v2 /);
    }
    expect((await get('/api/v1/compare?workload=chat&baseline=v1&candidate=v1')).status).toBe(400);
    const missing = await get('/api/v1/compare?workload=chat&baseline=v1');
    expect((missing.body as { error: string }).error).toMatch(/^candidate/);
  });
});
