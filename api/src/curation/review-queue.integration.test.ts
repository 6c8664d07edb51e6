import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { addDays, isoToEventTime, nowEventTime } from '../analytics/time';
import { interaction, plusDays, signal } from '../fixtures/rows';
import { claimItems, QUEUE_DEFAULTS } from './review-queue';

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const T0 = '2026-03-02T00:00:00Z'; // a Monday
const rows: InteractionRow[] = [];
const sigs: SignalRow[] = [];
const add = (id: string, d: number, kind: string, fields: Partial<InteractionRow> = {}) => {
  rows.push(interaction(id, plusDays(T0, d), { workload_id: 'qw', ...fields }));
  sigs.push(signal(id, kind, plusDays(T0, d + 0.01)));
};
// 28 days of a common workload: 400 gate-passed candidates in English.
for (let i = 0; i < 400; i++) add(`q${i}`, i * 0.07, 'accepted');
add('fail', 1, 'accepted', { response_words: 3 }); // fails the gate: never sampled
add('corr', 2, 'corrected');
add('near', 3, 'accepted', { quality_score: 0.62 }); // the gate's threshold is 0.6
add('disagree', 4, 'accepted'); // a judge fails what the user accepted
add('de1', 5, 'accepted', { language: 'de' }); // a rare language
add('late', 29, 'accepted'); // asOf

const body = (res: Response) => res.json() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
const queue = async (query = '') => {
  const res = await app.request(`/api/v1/review-queue?from=${T0}&limit=500${query}`);
  expect(res.status).toBe(200);
  return (await body(res)).items as Array<{
    requestId: string;
    reasons: string[];
    time: string;
    leasedTo: string[];
    reviewedBy: string[];
  }>;
};
const post = (path: string, data: unknown) =>
  app.request(path, {
    method: 'POST',
    body: JSON.stringify(data),
    headers: { 'content-type': 'application/json' },
  });
const claim = async (data: Record<string, unknown>) => {
  const res = await post('/api/v1/review-queue/claim', data);
  expect(res.status).toBe(200);
  return ((await body(res)).items as Array<{ requestId: string }>).map((i) => i.requestId);
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
  const res = await post('/api/v1/judgments', {
    requestId: 'disagree',
    judgeId: 'j',
    metric: 'accuracy',
    passed: false,
    time: plusDays(T0, 4.1),
  });
  expect(res.status).toBe(200);
});
afterAll(() => env.dispose());

describe('GET /api/v1/review-queue', () => {
  it('ranks high-value items first, each with its reason', async () => {
    const items = await queue('&overlapShare=0');
    expect(items.slice(0, 4).map((i) => [i.requestId, i.reasons.filter((r) => r !== 'sample')])).toEqual([
      ['disagree', ['judge_user_disagree']],
      ['corr', ['correction']],
      ['near', ['judge_near_threshold']],
      ['de1', ['rare_stratum']],
    ]);
    expect(items.map((i) => i.requestId)).not.toContain('fail');
  });

  it('samples the configured share of gate-passed candidates, at least one per workload and week', async () => {
    for (const percent of [5, 20]) {
      const sampled = (await queue(`&samplePercent=${percent}`)).filter((i) => i.reasons.includes('sample'));
      expect(sampled.length).toBeGreaterThan(400 * (percent / 100) * 0.6);
      expect(sampled.length).toBeLessThan(400 * (percent / 100) * 1.4 + 5);
      const weeks = new Set(
        sampled.map((i) => Math.floor((Date.parse(i.time) - Date.parse(T0)) / (7 * 86_400_000))),
      );
      expect([...weeks].sort()).toEqual([0, 1, 2, 3]);
    }
    const bad = await app.request('/api/v1/review-queue?samplePercent=30');
    expect(bad.status).toBe(400);
    expect(((await body(bad)) as { error: string }).error).toMatch(/^samplePercent: /);
  });
});

describe('POST /api/v1/review-queue/claim', () => {
  it('leases items to one reviewer; reviews complete them; expired leases return to the queue', async () => {
    const alice = await claim({ reviewer: 'alice', limit: 3, overlapShare: 0 });
    expect(alice).toEqual(['disagree', 'corr', 'near']);
    const open = (await queue('&overlapShare=0')).map((i) => i.requestId);
    for (const id of alice) expect(open).not.toContain(id);
    const bob = await claim({ reviewer: 'bob', limit: 3, overlapShare: 0 });
    expect(bob.filter((id) => alice.includes(id))).toEqual([]);
    expect(await claim({ reviewer: 'alice', limit: 3, overlapShare: 0 })).toEqual(alice); // renewed, not doubled

    const review = {
      requestId: 'disagree',
      reviewer: 'alice',
      labels: { accuracy: false, helpfulness: true, safety: true },
    };
    expect((await post('/api/v1/reviews', review)).status).toBe(200);
    const next = await claim({ reviewer: 'alice', limit: 3, overlapShare: 0 });
    expect(next.slice(0, 2)).toEqual(['corr', 'near']);
    expect(next).not.toContain('disagree');

    // An hour after the leases expired, carol may take what alice held but never reviewed.
    const later = addDays(nowEventTime(), 1);
    const carol = await claimItems(env.storage.client, {
      ...QUEUE_DEFAULTS,
      projectId: 'default',
      workload: '',
      from: isoToEventTime(T0),
      to: isoToEventTime(plusDays(T0, 30)),
      asOf: isoToEventTime(plusDays(T0, 29)),
      now: later,
      reviewer: 'carol',
      limit: 2,
      leaseMinutes: 30,
      overlapShare: 0,
    });
    expect(carol.items.map((i) => i.requestId)).toEqual(['corr', 'near']);
  });

  it('gives the overlap share to two reviewers, then to no third', async () => {
    // Two days on, every lease above has expired; alice's review of `disagree` still fills one slot of two.
    const at = (reviewer: string) =>
      claimItems(env.storage.client, {
        ...QUEUE_DEFAULTS,
        projectId: 'default',
        workload: 'qw',
        from: isoToEventTime(T0),
        to: isoToEventTime(plusDays(T0, 30)),
        asOf: isoToEventTime(plusDays(T0, 29)),
        now: addDays(nowEventTime(), 2),
        reviewer,
        limit: 2,
        leaseMinutes: 30,
        overlapShare: 1,
      }).then((c) => c.items.map((i) => i.requestId));
    const dave = await at('dave');
    expect(dave).toEqual(['disagree', 'corr']);
    const erin = await at('erin');
    expect(erin).toEqual(['corr', 'near']); // `disagree` has alice's review and dave's lease
    const frank = await at('frank');
    expect(frank).toEqual(['near', 'de1']);
    expect((await at('dave')).slice(0, 2)).toEqual(dave); // his own leases, renewed
  });

  it('refuses a claim without a reviewer', async () => {
    const res = await post('/api/v1/review-queue/claim', { limit: 3 });
    expect(res.status).toBe(400);
    expect(((await body(res)) as { error: string }).error).toMatch(/^reviewer: /);
  });
});
