import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEventTime, insertInteractions, insertSignals, type InteractionRow } from '@flywheel/storage';
import { startTestFlywheel, type TestFlywheel } from '../testing';
import { exportDataset } from './export';

const KEY = 'proj-key-0123456789';
const T0 = Date.parse('2026-01-05T00:00:00Z');
const at = (days: number) => formatEventTime(BigInt(Math.round(T0 + days * 86_400_000)) * 1_000_000n);

function row(i: number, days: number): InteractionRow {
  const id = `r${i}`;
  return {
    project_id: 'proj',
    trace_id: id.padStart(32, '0'),
    span_id: id.padStart(16, '0'),
    parent_span_id: '',
    request_id: id,
    time: at(days),
    workload_id: 'w',
    service: 's',
    operation: 'chat',
    provider: 'p',
    request_model: 'm',
    model: 'm',
    model_version: 'v1',
    user_id: '',
    session_id: '',
    prompt: `Question ${i}?`,
    response: `Answer ${i}.`,
    input_messages: '',
    input_tokens: 10,
    output_tokens: 40,
    latency_ms: 500,
    ttft_ms: null,
    finish_reason: 'stop',
    status: 'ok',
    error_message: '',
    language: 'en',
    quality_score: null,
    grounding_score: null,
    attributes: {},
    response_words: 50,
    response_tokens: 60,
    toxicity: 0,
    prompt_chars: 100,
    pii_kinds: [],
    jailbreak: '',
    topic_relevance: null,
    input_failures: [],
    dup_key: `dup-${i}`,
  };
}

let flywheel: TestFlywheel;
let id = '';
const auth = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };

beforeAll(async () => {
  flywheel = await startTestFlywheel({ keys: `proj:${KEY}` });
  const rows = Array.from({ length: 30 }, (_, i) => row(i, i * 0.3));
  rows.push(row(99, 40)); // the project's latest event time
  await insertInteractions(flywheel.storage.client, rows);
  await insertSignals(
    flywheel.storage.client,
    rows.map((r) => ({
      project_id: 'proj',
      request_id: r.request_id,
      signal_id: `s-${r.request_id}`,
      time: r.time,
      kind: 'accepted',
      value: null,
      correction: '',
      explicit: false,
      user_id: '',
      source: 'api',
      trace_id: '',
      span_id: '',
      attributes: {},
    })),
  );
  const res = await fetch(`${flywheel.apiUrl}/api/v1/datasets`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      workload: 'w',
      window: { from: '2026-01-05T00:00:00Z', to: '2026-01-15T00:00:00Z' },
    }),
  });
  expect(res.status).toBe(201);
  id = ((await res.json()) as { dataset: { id: string } }).dataset.id;
});
afterAll(() => flywheel.dispose());

describe('flywheel export', () => {
  it('writes what the API serves, with a line per training example and progress along the way', async () => {
    const out = join(flywheel.dir, 'train.jsonl');
    const seen = { total: -1, lines: 0, stopped: false };
    const result = await exportDataset({
      api: flywheel.apiUrl,
      key: KEY,
      datasetId: id,
      format: 'sft',
      split: 'train',
      out,
      progress: {
        start: (total) => (seen.total = total),
        advance: (_bytes, lines) => (seen.lines += lines),
        stop: () => (seen.stopped = true),
      },
    });
    const served = await fetch(`${flywheel.apiUrl}/api/v1/datasets/${id}/export?format=sft&split=train`, {
      headers: auth,
    });
    const file = readFileSync(out);
    expect(file.equals(Buffer.from(await served.arrayBuffer()))).toBe(true);
    const lines = file.toString('utf8').trimEnd().split('\n');
    expect(lines.length).toBe(seen.total);
    expect(seen.total).toBeGreaterThan(20);
    expect(result).toEqual({ bytes: file.length, lines: lines.length });
    expect(seen).toMatchObject({ lines: lines.length, stopped: true });
    expect(JSON.parse(lines[0]!)).toMatchObject({ messages: [{ role: 'user' }, { role: 'assistant' }] });
  });

  it('writes Parquet as the engine does', async () => {
    const out = join(flywheel.dir, 'validation.parquet');
    const result = await exportDataset({
      api: flywheel.apiUrl,
      key: KEY,
      datasetId: id,
      format: 'parquet',
      split: 'validation',
      out,
    });
    const file = readFileSync(out);
    expect(file.subarray(0, 4).toString()).toBe('PAR1');
    expect(result.bytes).toBe(file.length);
  });

  it('fails with the API’s sentence and leaves no file', async () => {
    const out = join(flywheel.dir, 'nothing.jsonl');
    await expect(
      exportDataset({
        api: flywheel.apiUrl,
        key: 'wrong-key-0123456789',
        datasetId: id,
        format: 'sft',
        split: 'train',
        out,
      }),
    ).rejects.toThrow(/HTTP 401/);
    await expect(
      exportDataset({
        api: flywheel.apiUrl,
        key: KEY,
        datasetId: 'ds_nope',
        format: 'sft',
        split: 'train',
        out,
      }),
    ).rejects.toThrow('dataset ds_nope: HTTP 404: no dataset ds_nope');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });
});
