import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys, type BatchWriter, type Rows } from '@flywheel/collector';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp, type ApiOptions } from '../app';
import { interaction } from '../fixtures/rows';
import type { Health } from '../contract/types';

// /healthz tells the truth about the write path: an orchestrator restarts or drains what answers 503.

let env: Awaited<ReturnType<typeof openTempStorage>>;
let writer: BatchWriter<Rows>;

function app(options: Partial<ApiOptions> = {}) {
  return createApiApp({
    client: env.storage.client,
    keys: parseKeys(undefined),
    writer,
    counters: new IngestCounters(),
    dataDir: join(env.dir, 'data'),
    ...options,
  });
}

async function health(a: ReturnType<typeof app>): Promise<{ status: number; body: Health }> {
  const res = await a.request('/healthz');
  return { status: res.status, body: (await res.json()) as Health };
}

beforeAll(async () => {
  env = await openTempStorage();
  writer = createRowWriter(env.storage.client, { scheduledDelayMs: 1 }, () => {});
});

afterAll(async () => {
  await env?.dispose();
});

describe('GET /healthz', () => {
  it('is 200 with no problems while writes succeed', async () => {
    await writer.write({ interactions: [interaction('h-1', '2026-11-01T00:00:00Z')], signals: [] });
    const { status, body } = await health(app());
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', problems: [] });
  });

  it('is 503 naming the failed insert, and recovers once an insert commits', async () => {
    await env.storage.client.command({ query: 'DETACH TABLE interactions' });
    try {
      await expect(
        writer.write({ interactions: [interaction('h-2', '2026-11-01T00:01:00Z')], signals: [] }),
      ).rejects.toThrow(/storage did not commit/);
      const failing = await health(app());
      expect(failing.status).toBe(503);
      expect(failing.body.status).toBe('unavailable');
      expect(failing.body.problems).toEqual([
        {
          check: 'last_insert',
          detail: expect.stringMatching(/^storage did not commit the batch: .*\(at 20/),
        },
      ]);
    } finally {
      await env.storage.client.command({ query: 'ATTACH TABLE interactions' });
    }
    await writer.write({ interactions: [interaction('h-3', '2026-11-01T00:02:00Z')], signals: [] });
    expect((await health(app())).status).toBe(200);
  });

  it('is 503 when the data directory cannot be written', async () => {
    // Running as root, permissions would not stop a write: a file where the directory should be does.
    const notADirectory = join(env.dir, 'not-a-directory');
    writeFileSync(notADirectory, '');
    const { status, body } = await health(app({ dataDir: notADirectory }));
    expect(status).toBe(503);
    expect(body.problems).toEqual([
      { check: 'data_directory', detail: 'the data directory cannot be written (ENOTDIR)' },
    ]);
  });

  it('is 503 when the disk is nearly full', async () => {
    const { status, body } = await health(app({ minFreeDiskBytes: Number.MAX_SAFE_INTEGER }));
    expect(status).toBe(503);
    expect(body.problems).toEqual([
      {
        check: 'disk_space',
        detail: expect.stringMatching(
          /^\d+ MiB free on the data directory's disk, below the \d+ MiB writes need$/,
        ),
      },
    ]);
  });

  it('checks no directory for a ClickHouse server', async () => {
    expect(
      (await health(app({ minFreeDiskBytes: Number.MAX_SAFE_INTEGER, dataDir: undefined }))).status,
    ).toBe(200);
  });
});
