import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSignals } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { parseKeys } from '../auth';
import {
  BatchWriter,
  createRowWriter,
  insertIsolated,
  rowCount,
  type RowObjects,
  type Rows,
} from '../writer';
import { BytesInFlight } from './bytes-in-flight';
import { IngestCounters } from './counters';
import { signalsRoute } from './signals';

let env: Awaited<ReturnType<typeof openTempStorage>>;
beforeAll(async () => {
  env = await openTempStorage();
});
afterAll(() => env.dispose());

const route = (options: { writer?: BatchWriter<Rows>; admission?: BytesInFlight } = {}) =>
  signalsRoute({
    keys: parseKeys(undefined),
    writer: options.writer ?? createRowWriter(env.storage.client, { scheduledDelayMs: 5 }),
    counters: new IngestCounters(),
    ...(options.admission ? { admission: options.admission } : {}),
  });
const post = (app: ReturnType<typeof route>, body: unknown, headers: Record<string, string> = {}) =>
  app.request('/api/v1/signals', {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

async function stored(
  requestId: string,
): Promise<Array<{ request_id: string; correction: string; time: string }>> {
  const result = await env.storage.client.query({
    query:
      'SELECT request_id, correction, toString(time) AS time FROM signals FINAL WHERE startsWith(request_id, {r:String})',
    query_params: { r: requestId },
    format: 'JSONEachRow',
  });
  return result.json();
}

describe('POST /api/v1/signals with values the tables cannot hold', () => {
  it.each([
    ['9999-12-31T23:59:59Z', /^signals\[1\]\.time: 9999-12-31T23:59:59Z is after 2299-12-31$/],
    ['1969-12-31T23:59:59.5Z', /^signals\[1\]\.time: 1969-12-31T23:59:59\.5Z is before 1970-01-01$/],
    [new Date(Date.now() + 3 * 86_400_000).toISOString(), /more than a day ahead of the server's clock/],
    ['noon', /^signals\[1\]\.time: Invalid ISO datetime$/],
  ])('400 naming the field for a time of %s; nothing of the request is stored', async (time, message) => {
    const id = `time-${time}`;
    const res = await post(route(), {
      signals: [
        { requestId: id, kind: 'accepted' },
        { requestId: id, kind: 'thumbs_up', time },
      ],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
    expect(await stored(id)).toEqual([]);
  });

  it('stores lone surrogates as U+FFFD', async () => {
    const res = await post(route(), [
      { requestId: 'surrogate-\ud800', kind: 'edited', value: 0.1, correction: 'fix \udc00 this' },
    ]);
    expect(res.status).toBe(200);
    expect(await stored('surrogate-')).toEqual([
      expect.objectContaining({ request_id: 'surrogate-\ufffd', correction: 'fix \ufffd this' }),
    ]);
  });

  it('accepts a backfilled time from before today', async () => {
    const res = await post(route(), {
      requestId: 'backfill',
      kind: 'accepted',
      time: '2001-02-03T04:05:06Z',
    });
    expect(res.status).toBe(200);
    expect((await stored('backfill'))[0]!.time).toBe('2001-02-03 04:05:06.000000');
  });

  it('400 for JSON nested deeper than the limit, 413 above 20 MiB', async () => {
    const deep = await post(route(), `{"requestId":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as { error: string }).error).toMatch(/nests deeper than 200 levels/);
    const huge = await post(
      route(),
      `[{"requestId":"h","kind":"accepted","correction":"${'a'.repeat(21 * 2 ** 20)}"}]`,
    );
    expect(huge.status).toBe(413);
  });

  it('400 naming the signal storage refused, the others stored; never a retryable 503', async () => {
    const corrupting = new BatchWriter<Rows>(
      async (batches) =>
        insertIsolated(
          // The signals endpoint hands the writer rows as objects.
          batches.map((b) => (b as RowObjects).signals),
          (rows) =>
            insertSignals(
              env.storage.client,
              rows.map((r) => (r.request_id === 'refused-2' ? { ...r, time: 'not a time' } : r)),
            ),
        ),
      (rows) => rowCount(rows).interactions + rowCount(rows).signals,
      { scheduledDelayMs: 5 },
    );
    const res = await post(route({ writer: corrupting }), [
      { requestId: 'refused-1', kind: 'accepted' },
      { requestId: 'refused-2', kind: 'accepted' },
    ]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; accepted: number };
    expect(body.error).toMatch(/^\[1\]: storage refused it: .*DateTime/);
    expect(body.accepted).toBe(1);
    expect((await stored('refused-')).map((r) => r.request_id)).toEqual(['refused-1']);
  });

  it('429 with Retry-After when the bytes in flight are spent', async () => {
    const admission = new BytesInFlight(100);
    const other = admission.lease();
    other.reserve(90);
    const body = JSON.stringify({ requestId: 'busy', kind: 'accepted' });
    const res = await post(route({ admission }), body, { 'content-length': String(body.length) });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    other.release();
    expect((await post(route({ admission }), body)).status).toBe(200);
    expect(admission.inFlight).toBe(0);
  });
});
