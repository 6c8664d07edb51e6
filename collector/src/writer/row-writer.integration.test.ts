import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRow, SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import type { Rows } from './encoded-rows';
import { createRowWriter, refusedRows } from './row-writer';

let env: Awaited<ReturnType<typeof openTempStorage>>;
beforeAll(async () => {
  env = await openTempStorage();
});
afterAll(() => env.dispose());

const interaction = (project: string, id: string, patch: Partial<InteractionRow> = {}): InteractionRow => ({
  project_id: project,
  trace_id: `trace-${id}`,
  span_id: `span-${id}`,
  parent_span_id: '',
  request_id: id,
  time: '2026-11-01 10:00:00.000000',
  workload_id: 'w',
  service: 'svc',
  operation: 'chat',
  provider: 'openai',
  request_model: 'm',
  model: 'm',
  model_version: 'm',
  user_id: '',
  session_id: '',
  prompt: 'hello',
  response: 'hi',
  input_messages: '',
  input_tokens: 3,
  output_tokens: 2,
  latency_ms: 10,
  ttft_ms: null,
  finish_reason: 'stop',
  status: 'ok',
  error_message: '',
  language: 'en',
  quality_score: null,
  grounding_score: null,
  attributes: {},
  ...patch,
});

const signal = (project: string, id: string, patch: Partial<SignalRow> = {}): SignalRow => ({
  project_id: project,
  request_id: id,
  signal_id: `sig-${id}`,
  time: '2026-11-01 10:00:01.000000',
  kind: 'thumbs_up',
  value: null,
  correction: '',
  explicit: true,
  user_id: '',
  source: 'api',
  trace_id: '',
  span_id: '',
  attributes: {},
  ...patch,
});

async function count(table: 'interactions' | 'signals', project: string): Promise<number> {
  const result = await env.storage.client.query({
    query: `SELECT count() AS c FROM ${table} FINAL WHERE project_id = {p:String}`,
    query_params: { p: project },
    format: 'JSONEachRow',
  });
  return Number((await result.json<{ c: string }>())[0]!.c);
}

describe('row writer with rows the engine cannot read', () => {
  it("refuses project A's bad rows alone while project B's concurrent writes all commit", async () => {
    const writer = createRowWriter(env.storage.client, { scheduledDelayMs: 20 });
    // Rows that skipped the collector's checks, as a future bug might let through.
    const poison: Rows = {
      interactions: [
        interaction('a', 'a-ok-1'),
        interaction('a', 'a-bad-surrogate', { workload_id: 'w\ud800' }),
        interaction('a', 'a-bad-tokens', { input_tokens: 1e308 }),
        interaction('a', 'a-ok-2'),
      ],
      signals: [signal('a', 'a-bad-time', { time: '1969-12-31 23:59:59.-500000' }), signal('a', 'a-ok-3')],
    };
    const valid = (n: number): Rows => ({
      interactions: Array.from({ length: 50 }, (_, i) => interaction('b', `b-${n}-${i}`)),
      signals: Array.from({ length: 20 }, (_, i) => signal('b', `b-${n}-${i}`)),
    });
    const [a, ...b] = await Promise.all([
      writer.write(poison),
      ...Array.from({ length: 8 }, (_, n) => writer.write(valid(n))),
    ]);
    for (const receipt of b) expect(receipt.refused).toEqual([]);
    expect(await count('interactions', 'b')).toBe(8 * 50);
    expect(await count('signals', 'b')).toBe(8 * 20);

    const refused = refusedRows(poison, a!);
    expect(refused.map((r) => [r.table, r.label])).toEqual([
      ['interactions', 'span-a-bad-surrogate'],
      ['interactions', 'span-a-bad-tokens'],
      ['signals', '(signal a-bad-time)'],
    ]);
    expect(refused[0]!.reason).toMatch(/surrogate/);
    expect(refused[2]!.reason).toMatch(/DateTime/);
    expect(await count('interactions', 'a')).toBe(2);
    expect(await count('signals', 'a')).toBe(1);
    expect(writer.stats).toMatchObject({ refusedItems: 3, failedFlushes: 0 });
    await writer.shutdown();
  });
});
