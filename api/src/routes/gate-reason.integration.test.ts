import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { interaction, plusDays, signal } from '../fixtures/rows';
import { maintainReadModel } from '../read-model/maintain';
import { seededRandom } from '../fixtures/random';

// The gate's rejection table links each reason's count to the explorer filtered by `gateReason`: for the
// same range, workload and asOf the list's total must be that count, whether the gate read the days from
// its sealed read model or from raw rows. Seeded traffic: 30 days, three workloads, every rule broken
// somewhere, shared near-duplicate keys, a few re-deliveries.

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const T0 = '2026-03-02T00:00:00Z';
const DAYS = 30;

const rnd = seededRandom(5);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

const rows: InteractionRow[] = [];
const sigs: SignalRow[] = [];
for (let n = 0; n < 900; n++) {
  const id = `gr-${n}`;
  const time = plusDays(T0, rnd() * DAYS);
  const row = interaction(id, time, {
    workload_id: pick(['chat', 'code', 'sum']),
    model_version: pick(['v1', 'v2']),
    dup_key: rnd() < 0.5 ? `k${Math.floor(rnd() * 30)}` : `u-${id}`,
    response_words: Math.floor(rnd() * 80),
    toxicity: rnd() < 0.08 ? 0.4 : 0,
    pii_kinds: rnd() < 0.06 ? ['EMAIL'] : [],
    quality_score: rnd() < 0.5 ? null : rnd(),
    jailbreak: rnd() < 0.03 ? 'ignore_previous' : '',
  });
  rows.push(row);
  if (rnd() < 0.05) rows.push({ ...row });
  const kind = pick(['accepted', 'copied', 'edited', 'regenerated', 'thumbs_down', 'none']);
  if (kind !== 'none')
    sigs.push(
      signal(id, kind, plusDays(time, pick([0.01, 0.5, 2])), { value: kind === 'edited' ? 0.3 : null }),
    );
}

const get = async <T>(path: string): Promise<T> => {
  const res = await app.request(path);
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as T;
};

interface GateTotal {
  total: { evaluated: number; passed: number; rejections: Record<string, number> };
}

/** Every reason the gate counts over a scope, against the explorer's total and CSV rows for it. */
async function expectListsMatch(scope: string): Promise<number> {
  const gate = await get<GateTotal>(`/api/v1/gate?${scope}`);
  const reasons = Object.entries(gate.total.rejections);
  expect(reasons.length, scope).toBeGreaterThan(3);
  for (const [reason, count] of reasons) {
    const list = await get<{ total: number }>(`/api/v1/interactions?${scope}&gateReason=${reason}&limit=1`);
    expect(list.total, `${scope} ${reason}`).toBe(count);
    const csv = await (await app.request(`/api/v1/interactions/export?${scope}&gateReason=${reason}`)).text();
    expect(csv.trim().split('\n').length - 1, `${scope} ${reason} (CSV)`).toBe(count);
  }
  return reasons.length;
}

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

const SCOPES = [
  '',
  'workload=chat',
  `workload=code&from=${plusDays(T0, 8)}&to=${plusDays(T0, 17.5)}`,
  `from=${plusDays(T0, 20)}&asOf=${plusDays(T0, 26)}`,
];

describe('GET /api/v1/interactions?gateReason', () => {
  it('totals each reason’s count in the gate report, from raw rows', { timeout: 240_000 }, async () => {
    for (const scope of SCOPES) await expectListsMatch(scope);
  });

  it('still does once the gate’s days are sealed', { timeout: 240_000 }, async () => {
    expect((await maintainReadModel(env.storage.client)).gateDays).toBeGreaterThan(DAYS / 2);
    for (const scope of SCOPES) await expectListsMatch(scope);
  });

  it('lists only rejected interactions carrying that reason', async () => {
    const page = await get<{
      total: number;
      items: Array<{ gate: { state: string; reasons: string[] } | null }>;
    }>('/api/v1/interactions?gateReason=toxicity&limit=1000');
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.gate?.state).toBe('rejected');
      expect(item.gate?.reasons).toContain('toxicity');
    }
    // With the verdict filter: rejected is the same list, passed is empty.
    const rejected = await get<{ total: number }>('/api/v1/interactions?gateReason=toxicity&gate=rejected');
    const passed = await get<{ total: number }>('/api/v1/interactions?gateReason=toxicity&gate=passed');
    expect(rejected.total).toBe(page.total);
    expect(passed.total).toBe(0);
  });

  it.each(['/api/v1/interactions?gateReason=too_short', '/api/v1/interactions/export?gateReason=PII'])(
    '400 naming the parameter for %s',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/^gateReason/);
    },
  );
});
