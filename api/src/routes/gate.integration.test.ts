import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import {
  formatEventTime,
  insertInteractions,
  insertSignals,
  type InteractionRow,
  type SignalRow,
} from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';

// A hand-computed fixture: every rule of docs/design.md §5 alone and in combination, the signal window, the
// near-duplicate rule, and re-scoring under changed thresholds.
let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const at = (iso: string) => formatEventTime(BigInt(Date.parse(iso)) * 1_000_000n);
const minute = (n: number) => new Date(Date.parse('2026-11-01T01:00:00Z') + n * 60_000).toISOString();

function interaction(id: string, time: string, checks: Partial<InteractionRow> = {}): InteractionRow {
  return {
    project_id: 'default',
    trace_id: id.padEnd(32, '0'),
    span_id: id.padEnd(16, '0'),
    parent_span_id: '',
    request_id: id,
    time: at(time),
    workload_id: 'g',
    service: 's',
    operation: 'chat',
    provider: 'p',
    request_model: 'm',
    model: 'm',
    model_version: 'v1',
    user_id: '',
    session_id: '',
    prompt: 'p',
    response: 'r',
    input_messages: '',
    input_tokens: 1,
    output_tokens: 1,
    latency_ms: 1,
    ttft_ms: null,
    finish_reason: '',
    status: 'ok',
    error_message: '',
    language: 'en',
    quality_score: null,
    grounding_score: null,
    attributes: {},
    response_words: 50,
    toxicity: 0.01,
    prompt_chars: 100,
    pii_kinds: [],
    jailbreak: '',
    topic_relevance: null,
    dup_key: `dup-${id}`,
    ...checks,
  };
}
function signal(requestId: string, kind: string, time: string, value: number | null = null): SignalRow {
  return {
    project_id: 'default',
    request_id: requestId,
    signal_id: `${requestId}-${kind}`,
    time: at(time),
    kind,
    value,
    correction: '',
    explicit: kind.startsWith('thumbs'),
    user_id: '',
    source: 'api',
    trace_id: '',
    span_id: '',
    attributes: {},
  };
}

beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(undefined),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
  const rows = [
    interaction('g1', minute(1), { toxicity: 0.05, dup_key: 'shared' }),
    interaction('g2', minute(2)),
    interaction('g3', minute(3)),
    interaction('g4', minute(4)),
    interaction('g5', minute(5), { response_words: 10 }),
    interaction('g6', minute(6), { quality_score: 0.5 }),
    interaction('g7', minute(7), { grounding_score: 0.4, toxicity: 0.3, pii_kinds: ['EMAIL'] }),
    interaction('g8', minute(8), { jailbreak: 'ignore_previous', prompt_chars: 0 }),
    interaction('g9', minute(9), { dup_key: 'shared' }),
    interaction('g10', minute(10)),
    interaction('g11', minute(11)),
    interaction('g12', minute(12)),
    interaction('g13', '2026-11-02T01:00:00Z'),
    interaction('g14', '2026-11-04T23:00:00Z'),
  ];
  const s = (id: string, kind: string, value: number | null = null, delayMinutes = 5) =>
    signal(
      id,
      kind,
      new Date(
        Date.parse(rows.find((r) => r.request_id === id)!.time.replace(' ', 'T') + 'Z') +
          delayMinutes * 60_000,
      ).toISOString(),
      value,
    );
  await insertInteractions(env.storage.client, rows);
  await insertSignals(env.storage.client, [
    s('g1', 'accepted'),
    s('g2', 'copied'),
    s('g3', 'regenerated'),
    s('g5', 'accepted'),
    s('g6', 'accepted'),
    s('g7', 'corrected'),
    s('g8', 'accepted'),
    s('g9', 'accepted'),
    s('g10', 'accepted', null, 1),
    s('g10', 'thumbs_up', null, 2),
    s('g11', 'edited', 0.5),
    s('g12', 'accepted', null, 30 * 60),
    s('g13', 'accepted'),
    s('g14', 'accepted'),
  ]);
});
afterAll(() => env.dispose());

interface GateBody {
  buckets: Array<{
    bucket: string;
    evaluated: number;
    passed: number;
    passRate: number;
    rejections: Record<string, number>;
    band: string;
  }>;
  total: {
    evaluated: number;
    passed: number;
    passRate: number;
    band: string;
    rejections: Record<string, number>;
  };
  config: Record<string, unknown>;
}
const gate = async (query = ''): Promise<GateBody> => {
  const res = await app.request(`/api/v1/gate?asOf=2026-11-05T00:00:00Z${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as GateBody;
};

describe('GET /api/v1/gate on a hand-computed fixture', () => {
  it('counts evaluated, passed and every rejection reason per day', async () => {
    const body = await gate();
    expect(body.buckets.map((b) => [b.bucket, b.evaluated, b.passed])).toEqual([
      ['2026-11-01', 12, 3], // g1 g2 g11 pass; g14's window has not closed as of asOf
      ['2026-11-02', 1, 1],
    ]);
    expect(body.buckets[0]!.rejections).toEqual({
      outcome: 4, // g3 regenerated, g4 no signal, g10 decided by thumbs_up, g12 signal after the window
      response_length: 1,
      quality_score: 1,
      grounding_score: 1,
      toxicity: 1,
      pii: 1,
      jailbreak: 1,
      prompt_length: 1,
      near_duplicate: 1, // g9 repeats g1
    });
    expect(body.total).toMatchObject({ evaluated: 13, passed: 4, band: 'above_band' });
    expect(body.total.passRate).toBeCloseTo(4 / 13);
  });

  it('re-scores history when a threshold changes, without re-ingesting', async () => {
    expect((await gate('&minResponseWords=5')).buckets[0]!.passed).toBe(4);
    expect(
      (await gate('&allowedOutcomeKinds=accepted,copied,edited,corrected,thumbs_up')).buckets[0]!.passed,
    ).toBe(4);
    // A 48 h window lets g12's late signal count.
    expect((await gate('&signalWindowHours=48')).buckets[0]!.passed).toBe(4);
    // g1 now fails on toxicity, so g9 is the earliest candidate of its near-duplicate group and passes.
    const strict = await gate('&maxToxicity=0.02');
    expect(strict.buckets[0]!.passed).toBe(3);
    expect(strict.buckets[0]!.rejections.toxicity).toBe(2);
    expect(strict.buckets[0]!.rejections.near_duplicate).toBeUndefined();
  });

  it('stores a versioned per-workload configuration that re-scores too', async () => {
    const put = await app.request('/api/v1/gate/config', {
      method: 'PUT',
      body: JSON.stringify({ workload: 'g', config: { minResponseWords: 5 } }),
      headers: { 'content-type': 'application/json' },
    });
    expect(put.status).toBe(200);
    expect((await gate('&workload=g')).buckets[0]!.passed).toBe(4);
    expect((await gate('&workload=g')).config.minResponseWords).toBe(5);
    // Other workloads (and the project view) keep the defaults.
    expect((await gate()).config.minResponseWords).toBe(20);
    const history = (await (await app.request('/api/v1/gate/config?workload=g')).json()) as {
      history: unknown[];
    };
    expect(history.history).toHaveLength(1);
  });

  it.each([
    ['&bucket=month', /^bucket: /],
    ['&minQualityScore=2', /^minQualityScore: /],
    ['&allowedOutcomeKinds=accepted,liked', /^allowedOutcomeKinds: 'liked'/],
    ['&threshold=1', /Unrecognized key/],
  ])('400 naming the parameter for %s', async (query, message) => {
    const res = await app.request(`/api/v1/gate?${query}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(message);
  });
});
