import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInteractions, insertSignals } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { at, interaction, signal } from '../fixtures/rows';
import { latestEventTime } from './as-of';

// The default asOf: the latest event time of interactions and signals, sought on the last marked day.
let env: Awaited<ReturnType<typeof openTempStorage>>;

beforeAll(async () => {
  env = await openTempStorage();
  await insertInteractions(env.storage.client, [
    interaction('a', '2026-01-01T10:00:00Z', { project_id: 'p', workload_id: 'w0' }),
    interaction('b', '2026-01-20T08:00:00Z', { project_id: 'p', workload_id: 'w1' }),
    interaction('c', '2026-01-20T09:30:00.25Z', { project_id: 'p', workload_id: 'w0' }),
    interaction('d', '2026-03-01T00:00:00Z', { project_id: 'other' }),
  ]);
  await insertSignals(env.storage.client, [
    signal('a', 'thumbs_up', '2026-01-02T00:00:00Z', { project_id: 'p', signal_id: 's1' }),
  ]);
});
afterAll(() => env.dispose());

describe('latestEventTime', () => {
  it("is the project's latest interaction or signal, whichever is later", async () => {
    expect(await latestEventTime(env.storage.client, 'p')).toBe(at('2026-01-20T09:30:00.25Z'));
    await insertSignals(env.storage.client, [
      signal('c', 'copied', '2026-01-21T00:00:01Z', { project_id: 'p', signal_id: 's2' }),
    ]);
    expect(await latestEventTime(env.storage.client, 'p')).toBe(at('2026-01-21T00:00:01Z'));
    expect(await latestEventTime(env.storage.client, 'other')).toBe(at('2026-03-01T00:00:00Z'));
  });

  it('is the epoch for a project without data', async () => {
    expect(await latestEventTime(env.storage.client, 'empty')).toBe('1970-01-01 00:00:00.000000');
  });

  it('reads the whole project when the last marked days lost their rows', async () => {
    for (const table of ['interactions', 'signals'])
      await env.storage.client.command({
        query: `ALTER TABLE ${table} DELETE WHERE project_id = 'p' AND time >= '2026-01-20 00:00:00'
          SETTINGS mutations_sync = 2`,
      });
    expect(await latestEventTime(env.storage.client, 'p')).toBe(at('2026-01-02T00:00:00Z'));
  });
});
