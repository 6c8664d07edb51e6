import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';

// On-demand evaluations run one at a time per project; a call while one runs is refused at once
// instead of queueing behind it (the fuzz harness saw queued calls wait minutes).

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;

beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(undefined),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
});

afterAll(async () => {
  await env?.dispose();
});

describe('POST /api/v1/alarms/evaluate under concurrent calls', () => {
  it('runs one and refuses the others with 429 and Retry-After', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => app.request('/api/v1/alarms/evaluate', { method: 'POST' })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
    const refused = answers.find((r) => r.status === 429)!;
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { error: string }).error).toMatch(
      /an evaluation of this project is running/,
    );
    // Once they are done, the next call runs.
    expect((await app.request('/api/v1/alarms/evaluate', { method: 'POST' })).status).toBe(200);
  });
});
