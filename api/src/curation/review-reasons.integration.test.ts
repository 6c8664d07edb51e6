import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollectorApp, createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { interaction, plusDays, signal } from '../fixtures/rows';

// The two reasons read from what arrives with the traffic: a version change (the same input answered
// with the other outcome by another model version) and an uncertain output (a low mean token logprob).
let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const T0 = '2026-03-02T00:00:00Z';
const WINDOW = `from=${T0}&to=${plusDays(T0, 14)}&asOf=${plusDays(T0, 20)}`;
const rows: InteractionRow[] = [];
const sigs: SignalRow[] = [];
const add = (
  id: string,
  d: number,
  kind: string,
  fields: Partial<InteractionRow> = {},
  project = 'default',
) => {
  rows.push(interaction(id, plusDays(T0, d), { workload_id: 'vw', project_id: project, ...fields }));
  sigs.push(signal(id, kind, plusDays(T0, d + 0.01), { project_id: project }));
};
const ask = (prompt: string, version: string) => ({ prompt, model_version: version });

// Common traffic, every prompt its own, so the pairs below are the only inputs asked twice.
for (let i = 0; i < 60; i++)
  add(`bg${i}`, 0.2 * i, 'accepted', ask(`Question number ${i} about topic ${i}`, 'v1'));
// v1 succeeded, v2 failed on the same question (spelled differently): both sides changed.
add('pair-v1', 1, 'accepted', ask('How do I export my invoices as PDF files?', 'v1'));
add('pair-v2', 8, 'thumbs_down', ask('how do I export my invoices as pdf files', 'v2'));
// The same outcome on both versions: no change.
add('same-v1', 2, 'accepted', ask('Where can I change the billing address on file?', 'v1'));
add('same-v2', 9, 'accepted', ask('Where can I change the billing address on file?', 'v2'));
// Different outcomes on one version: not a version change.
add('one-a', 3, 'accepted', ask('Can I add a second admin to the workspace?', 'v1'));
add('one-b', 4, 'thumbs_down', ask('Can I add a second admin to the workspace?', 'v1'));
// v1 answered both ways, v2 succeeded: v1's failure and v2's success changed; v1's success did not (the
// failure that differs from it is its own version's).
add('mix-v1a', 2, 'accepted', ask('What is the limit on file uploads per day?', 'v1'));
add('mix-v1b', 3, 'thumbs_down', ask('What is the limit on file uploads per day?', 'v1'));
add('mix-v2', 9, 'accepted', ask('What is the limit on file uploads per day?', 'v2'));
// v1 answered before the window: within the look-back (3 days before) it counts, beyond it (10) not.
add('back-v1', -3, 'accepted', ask('Why was my card declined at checkout today?', 'v1'));
add('back-v2', 5, 'thumbs_down', ask('Why was my card declined at checkout today?', 'v2'));
add('far-v1', -10, 'accepted', ask('How long does a refund take to arrive?', 'v1'));
add('far-v2', 6, 'thumbs_down', ask('How long does a refund take to arrive?', 'v2'));
// Another project asked the same question of v1 with success: never compared across projects.
add('mine-v2', 7, 'thumbs_down', ask('Does the mobile app support dark mode?', 'v2'));
add('theirs-v1', 2, 'accepted', ask('Does the mobile app support dark mode?', 'v1'), 'other');
// Token logprobs: low, high and none.
add('lp-low', 10, 'accepted', { response_mean_logprob: -2.5, response_min_logprob: -7 });
add('lp-high', 10.5, 'accepted', { response_mean_logprob: -0.1, response_min_logprob: -0.9 });
add('lp-none', 11, 'accepted');

const body = (res: Response) => res.json() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function reasons(query = ''): Promise<Map<string, string[]>> {
  const res = await app.request(`/api/v1/review-queue?${WINDOW}&limit=500&samplePercent=20${query}`);
  expect(res.status).toBe(200);
  const items = (await body(res)).items as Array<{ requestId: string; reasons: string[] }>;
  return new Map(items.map((i) => [i.requestId, i.reasons]));
}
const has = (queue: Map<string, string[]>, id: string, reason: string) =>
  (queue.get(id) ?? []).includes(reason);

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

describe('review queue: version_changed', () => {
  it('marks both sides of an input whose outcome differs between two versions', async () => {
    const queue = await reasons();
    expect(queue.get('pair-v1')?.[0]).toBe('version_changed');
    expect(has(queue, 'pair-v2', 'version_changed')).toBe(true);
    expect(has(queue, 'back-v2', 'version_changed')).toBe(true);
    const changed = [...queue].filter(([, r]) => r.includes('version_changed')).map(([id]) => id);
    expect(changed.sort()).toEqual(['back-v2', 'mix-v1b', 'mix-v2', 'pair-v1', 'pair-v2']);
    // Same outcomes, one version, beyond the look-back, another project: none of them.
    for (const id of ['same-v1', 'same-v2', 'one-a', 'one-b', 'mix-v1a', 'far-v2', 'mine-v2'])
      expect(has(queue, id, 'version_changed')).toBe(false);
  });

  it('ranks a version change above the sample', async () => {
    const queue = await reasons();
    const order = [...queue.keys()];
    const firstSampleOnly = order.findIndex((id) => queue.get(id)!.join() === 'sample');
    expect(order.indexOf('pair-v2')).toBeLessThan(firstSampleOnly);
  });
});

describe('review queue: uncertain_output', () => {
  it('marks a response whose mean token logprob is below the threshold', async () => {
    const queue = await reasons();
    expect(has(queue, 'lp-low', 'uncertain_output')).toBe(true);
    expect(has(queue, 'lp-high', 'uncertain_output')).toBe(false);
    expect(has(queue, 'lp-none', 'uncertain_output')).toBe(false);
    expect([...queue].filter(([, r]) => r.includes('uncertain_output')).map(([id]) => id)).toEqual([
      'lp-low',
    ]);
    const stricter = await reasons('&uncertainLogprob=-3');
    expect(has(stricter, 'lp-low', 'uncertain_output')).toBe(false);
    const looser = await reasons('&uncertainLogprob=-0.05');
    expect(has(looser, 'lp-high', 'uncertain_output')).toBe(true);
  });

  it.each(['0.5', 'abc', '-1000'])('refuses uncertainLogprob=%s with a 400 naming it', async (value) => {
    const res = await app.request(`/api/v1/review-queue?uncertainLogprob=${value}`);
    expect(res.status).toBe(400);
    expect(((await body(res)) as { error: string }).error).toMatch(/^uncertainLogprob: /);
  });

  it('stores an OTLP span with a good logprob, and one with bad values without them', async () => {
    const collector = createCollectorApp({
      keys: parseKeys(''),
      writer: createRowWriter(env.storage.client),
    });
    const start = BigInt(Date.parse(plusDays(T0, 12))) * 1_000_000n;
    const span = (n: number, attributes: unknown[]) => ({
      traceId: n.toString(16).padStart(32, 'e'),
      spanId: n.toString(16).padStart(16, 'f'),
      name: 'chat m',
      kind: 3,
      startTimeUnixNano: String(start),
      endTimeUnixNano: String(start + 1_000_000_000n),
      attributes: [
        { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } },
        { key: 'flywheel.workload_id', value: { stringValue: 'vw' } },
        { key: 'flywheel.request_id', value: { stringValue: `otlp-${n}` } },
        ...attributes,
      ],
    });
    const res = await collector.request('/v1/traces', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [] },
            scopeSpans: [
              {
                spans: [
                  span(1, [
                    { key: 'flywheel.response.mean_logprob', value: { doubleValue: -2.25 } },
                    { key: 'flywheel.response.min_logprob', value: { doubleValue: -6 } },
                  ]),
                  span(2, [
                    { key: 'flywheel.response.mean_logprob', value: { doubleValue: 'NaN' } },
                    { key: 'flywheel.response.min_logprob', value: { doubleValue: 0.8 } },
                  ]),
                ],
              },
            ],
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const result = await env.storage.client.query({
      query: `SELECT request_id, response_mean_logprob AS mean, response_min_logprob AS min
        FROM interactions FINAL WHERE request_id LIKE 'otlp-%' ORDER BY request_id`,
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([
      { request_id: 'otlp-1', mean: -2.25, min: -6 },
      { request_id: 'otlp-2', mean: null, min: null },
    ]);
  });
});
