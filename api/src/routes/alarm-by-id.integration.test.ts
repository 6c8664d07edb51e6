import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { interaction } from '../fixtures/rows';
import { upsertAlarms } from '../queries/alarms';
import type { Alarm } from '../alarms/types';

// An alert's link names one alarm. It must open that alarm however long ago it fired and however many
// alarms came after it, with the state it has as of the newest data.

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;

const stored = (i: number, resolvedAt: string | null): Alarm => ({
  id: `alarm-${i}`,
  projectId: 'default',
  kind: 'regression_after_deploy',
  severity: 'critical',
  workloadId: 'support',
  modelVersion: `v${i}`,
  state: resolvedAt ? 'resolved' : 'firing',
  firedAt: `2026-01-${String(1 + (i % 28)).padStart(2, '0')} 00:00:00.000000`,
  resolvedAt,
  evaluatedAt: resolvedAt ?? '2026-01-01 00:00:00.000000',
  evidence: { index: i },
  recommendation: `roll back v${i}`,
});

beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(undefined),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
  await insertInteractions(env.storage.client, [interaction('req-1', '2026-03-01T00:00:00Z')]);
  // The first alarm resolved on 5 January; 30 later ones push it past a list of 10.
  await upsertAlarms(env.storage.client, [
    stored(0, '2026-01-05 00:00:00.000000'),
    ...Array.from({ length: 30 }, (_, i) => stored(i + 1, null)),
  ]);
});

afterAll(async () => {
  await env?.dispose();
});

describe('GET /api/v1/alarms/{id}', () => {
  it('opens an alarm that a short list no longer shows, with its state and link', async () => {
    const list = (await (await app.request('/api/v1/alarms?limit=10')).json()) as {
      items: Array<{ id: string }>;
    };
    expect(list.items.map((a) => a.id)).not.toContain('alarm-0');
    const res = await app.request('/api/v1/alarms/alarm-0');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { asOf: string; alarm: Record<string, unknown> };
    expect(body.asOf).toBe('2026-03-01T00:00:00.000000Z');
    expect(body.alarm).toMatchObject({
      id: 'alarm-0',
      state: 'resolved',
      modelVersion: 'v0',
      resolvedAt: '2026-01-05T00:00:00.000000Z',
      evidence: { index: 0 },
      recommendation: 'roll back v0',
    });
    expect(body.alarm.link).toMatch(/\/alarms\?alarm=alarm-0&workload=support&version=v0$/);
  });

  it('gives the state as of an earlier event time', async () => {
    const body = (await (await app.request('/api/v1/alarms/alarm-0?asOf=2026-01-03T00:00:00Z')).json()) as {
      alarm: { state: string; resolvedAt: string | null };
    };
    expect(body.alarm).toMatchObject({ state: 'firing', resolvedAt: null });
  });

  it('answers 404 for an unknown id and 400 for a bad one', async () => {
    const missing = await app.request('/api/v1/alarms/no-such-alarm');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(/^id: /);
    const bad = await app.request('/api/v1/alarms/alarm-0?asOf=yesterday');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^asOf/);
  });
});
