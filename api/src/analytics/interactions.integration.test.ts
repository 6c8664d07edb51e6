import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { interaction, plusDays, signal } from '../fixtures/rows';
import { insertGateConfig } from '../queries/gate-config';

// An explorer page mixes workloads with a gate configuration of their own and workloads that share the
// project's: the first are read apart, the others together, and every row gets its own workload's verdict.
let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const T0 = '2026-02-02T00:00:00Z';

beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(''),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
  // 'strict' asks for 100-word responses; 'a' and 'b' keep the project's 20 words. Every response has 50.
  await insertGateConfig(env.storage.client, {
    projectId: 'default',
    workloadId: '',
    version: 1,
    config: { minResponseWords: 20 },
  });
  await insertGateConfig(env.storage.client, {
    projectId: 'default',
    workloadId: 'strict',
    version: 1,
    config: { minResponseWords: 100 },
  });
  const rows: InteractionRow[] = [];
  const signals: SignalRow[] = [];
  ['strict', 'a', 'b'].forEach((workload, w) => {
    for (let i = 0; i < 4; i++) {
      const id = `${workload}-${i}`;
      const time = plusDays(T0, w + i / 10);
      rows.push(interaction(id, time, { workload_id: workload, dup_key: `dup-${id}` }));
      signals.push(signal(id, 'accepted', plusDays(time, 0.01)));
    }
  });
  // A later row: the others' signal windows have closed by it, its own has not.
  rows.push(interaction('late', plusDays(T0, 6), { workload_id: 'a' }));
  await insertInteractions(env.storage.client, rows);
  await insertSignals(env.storage.client, signals);
});
afterAll(() => env.dispose());

describe('GET /api/v1/interactions: gate verdicts per workload configuration', () => {
  it('gives each row its own workload’s verdict on a page of several workloads', async () => {
    const res = await app.request(`/api/v1/interactions?limit=50&from=${T0}&to=${plusDays(T0, 7)}`);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: Array<{ requestId: string; workloadId: string; gate: { state: string; reasons: string[] } }>;
    };
    expect(items).toHaveLength(13);
    const gate = Object.fromEntries(items.map((i) => [i.requestId, i.gate]));
    for (let i = 0; i < 4; i++) {
      expect(gate[`strict-${i}`]).toEqual({ state: 'rejected', reasons: ['response_length'] });
      expect(gate[`a-${i}`]).toEqual({ state: 'passed', reasons: [] });
      expect(gate[`b-${i}`]).toEqual({ state: 'passed', reasons: [] });
    }
    expect(gate.late?.state).toBe('pending');
  });
});
