import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInteractions, insertSignals } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { at, interaction, signal } from '../fixtures/rows';
import { interactionOutcomesSql, scopeParams } from './outcomes';

// The outcome rule reads `signals` without FINAL: copies of a signal the engine has not merged yet must
// change no outcome, no deciding kind and no flag.
let env: Awaited<ReturnType<typeof openTempStorage>>;

const SIGNALS = [
  signal('a', 'thumbs_up', '2026-01-01T10:05:00Z', { project_id: 'p' }),
  signal('a', 'regenerated', '2026-01-01T10:06:00Z', { project_id: 'p' }),
  signal('b', 'corrected', '2026-01-01T11:10:00Z', { project_id: 'p', correction: 'Use the CLI.' }),
  signal('b', 'copied', '2026-01-01T11:11:00Z', { project_id: 'p' }),
  signal('c', 'thumbs_down', '2026-01-01T12:01:00Z', { project_id: 'p' }),
  signal('c', 'accepted', '2026-01-01T12:01:00Z', { project_id: 'p' }),
];

async function outcomes() {
  const result = await env.storage.client.query({
    query: `SELECT * FROM (${interactionOutcomesSql()}) ORDER BY request_id`,
    query_params: scopeParams({
      projectId: 'p',
      workload: '',
      from: at('2026-01-01T00:00:00Z'),
      to: at('2026-01-02T00:00:00Z'),
      asOf: at('2026-01-03T00:00:00Z'),
      signalWindowHours: 24,
    }),
    format: 'JSONEachRow',
  });
  return result.json();
}

async function storedCopies(): Promise<number> {
  const result = await env.storage.client.query({
    query: `SELECT count() AS n FROM signals WHERE project_id = 'p'`,
    format: 'JSONEachRow',
  });
  return Number(((await result.json()) as { n: string }[])[0]!.n);
}

beforeAll(async () => {
  env = await openTempStorage();
  // Merges would collapse the copies this test is about.
  await env.storage.client.command({ query: 'SYSTEM STOP MERGES signals' });
  await insertInteractions(env.storage.client, [
    interaction('a', '2026-01-01T10:00:00Z', { project_id: 'p' }),
    interaction('b', '2026-01-01T11:00:00Z', { project_id: 'p' }),
    interaction('c', '2026-01-01T12:00:00Z', { project_id: 'p' }),
    interaction('d', '2026-01-01T13:00:00Z', { project_id: 'p' }),
  ]);
  await insertSignals(env.storage.client, SIGNALS);
});
afterAll(() => env.dispose());

describe('the outcome rule over re-delivered signals', () => {
  it('gives every interaction the outcome it had before the copies arrived', async () => {
    const before = await outcomes();
    expect(before).toHaveLength(4);
    expect(before.map((r) => (r as { outcome: string }).outcome)).toEqual([
      'success',
      'failure',
      'failure',
      'unknown',
    ]);
    await insertSignals(env.storage.client, SIGNALS);
    await insertSignals(env.storage.client, SIGNALS.slice(0, 3));
    expect(await storedCopies()).toBe(2 * SIGNALS.length + 3);
    expect(await outcomes()).toEqual(before);
  });
});
