import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInteractions, insertSignals } from './insert';
import { classifyInsertError, insertErrorSummary } from './insert-errors';
import { formatEventTime, type InteractionRow, type SignalRow } from './rows';
import { openTempStorage } from './testing';

let env: Awaited<ReturnType<typeof openTempStorage>>;
beforeAll(async () => {
  env = await openTempStorage();
});
afterAll(() => env.dispose());

const signal = (patch: Partial<SignalRow>): SignalRow => ({
  project_id: 'p',
  request_id: 'r',
  signal_id: 's',
  time: '2025-01-01 00:00:00.000000',
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

const interaction = (patch: Partial<InteractionRow>): InteractionRow => ({
  project_id: 'p',
  trace_id: 't',
  span_id: 's',
  parent_span_id: '',
  request_id: 'r',
  time: '2025-01-01 00:00:00.000000',
  workload_id: 'w',
  service: 'svc',
  operation: 'chat',
  provider: '',
  request_model: '',
  model: '',
  model_version: '',
  user_id: '',
  session_id: '',
  prompt: '',
  response: '',
  input_messages: '',
  input_tokens: 0,
  output_tokens: 0,
  latency_ms: 1,
  ttft_ms: null,
  finish_reason: '',
  status: 'ok',
  error_message: '',
  language: '',
  quality_score: null,
  grounding_score: null,
  attributes: {},
  ...patch,
});

async function failure(insert: () => Promise<void>): Promise<unknown> {
  try {
    await insert();
  } catch (error) {
    return error;
  }
  throw new Error('the insert was expected to fail');
}

describe('insert failures, as the real engine raises them', () => {
  it('classifies values the engine cannot read as bad rows', async () => {
    const client = env.storage.client;
    const cases = [
      () => insertSignals(client, [signal({ request_id: 'lone \ud800 surrogate' })]),
      () => insertSignals(client, [signal({ attributes: { 'key \ud800': 'v' } })]),
      () => insertSignals(client, [signal({ time: '1969-12-31 23:59:59.-500000' })]),
      () => insertInteractions(client, [interaction({ input_tokens: 1e308 })]),
      () => insertInteractions(client, [interaction({ output_tokens: -1 })]),
    ];
    for (const insert of cases) {
      const error = await failure(insert);
      expect(classifyInsertError(error), insertErrorSummary(error)).toBe('rows');
      expect(insertErrorSummary(error)).not.toContain('\n');
    }
  });

  it('classifies an insert touching more than 100 partitions as one to split', async () => {
    const rows = Array.from({ length: 150 }, (_, i) =>
      signal({
        signal_id: `month-${i}`,
        time: `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01 00:00:00.000000`,
      }),
    );
    const error = await failure(() => insertSignals(env.storage.client, rows));
    expect(classifyInsertError(error)).toBe('split');
    await insertSignals(env.storage.client, rows.slice(0, 75));
    await insertSignals(env.storage.client, rows.slice(75));
  });

  it('treats anything that is not an engine error about the data as unavailable', () => {
    expect(classifyInsertError(new Error('connect ECONNREFUSED'))).toBe('unavailable');
    expect(classifyInsertError(Object.assign(new Error('x'), { type: 'MEMORY_LIMIT_EXCEEDED' }))).toBe(
      'unavailable',
    );
    expect(
      classifyInsertError(
        Object.assign(new Error('Too many parts (300). Merges are processing significantly slower'), {
          type: 'TOO_MANY_PARTS',
        }),
      ),
    ).toBe('unavailable');
    expect(classifyInsertError(null)).toBe('unavailable');
  });

  it('stores a time before 1970 with a fraction exactly', async () => {
    await insertSignals(env.storage.client, [
      signal({ signal_id: 'pre-1970', time: formatEventTime(-500_000_000n) }),
    ]);
    const result = await env.storage.client.query({
      query: "SELECT toString(time) AS t FROM signals WHERE signal_id = 'pre-1970'",
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([{ t: '1969-12-31 23:59:59.500000' }]);
  });
});
