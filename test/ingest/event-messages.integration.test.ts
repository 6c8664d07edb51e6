import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpanKind, context, trace, type SpanContext } from '@opentelemetry/api';
import type { Interaction, ReviewQueueItem, TraceInteraction } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { expectSuccess, exportSpans, recordSpans } from '../support/otel';
import { exportLogs, recordLogs } from '../support/otel-logs';

// A span that carries no text, its messages sent as a `gen_ai.client.inference.operation.details` event
// through the real OTLP exporters (protobuf, traces and logs), in either order: the event's messages must
// show wherever the interaction's conversation is read — its detail (what the Review page shows), the
// review queue, the dataset export, the explorer's CSV and the trace — and the email in them nowhere.

let fw: TestFlywheel;
beforeAll(async () => {
  fw = await startTestFlywheel();
  // The first traces request starts the ingest workers; on a loaded machine that start alone can near
  // the exporter's timeout, so it is paid here, by a span of another workload.
  const warm = await recordSpans('warm-up', (tracer) =>
    tracer.startSpan('chat', { startTime: BASE }).end(BASE + 1),
  );
  expectSuccess(await exportSpans('protobuf', fw.otlpUrl, warm));
});
afterAll(() => fw.dispose());

type Conversation = 'systemInstructions' | 'inputMessages' | 'outputMessages' | 'messagesFrom';
type InteractionDetail = Interaction & Pick<TraceInteraction, Conversation>;

const BASE = Date.parse('2026-10-05T09:00:00Z');
const EMAIL = 'jane.doe@example.com';
const iso = (ms: number) => new Date(ms).toISOString();

async function call(workload: string, requestId: string, start: number) {
  let spanContext: SpanContext | undefined;
  const spans = await recordSpans('event-app', (tracer) => {
    const span = tracer.startSpan('chat gpt-5', {
      startTime: start,
      kind: SpanKind.CLIENT,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-5',
        'gen_ai.response.id': requestId,
        'flywheel.workload_id': workload,
        // At the gate's threshold: the review queue takes it as a judge score near the threshold.
        'flywheel.quality_score': 0.6,
        'gen_ai.usage.input_tokens': 30,
        'gen_ai.usage.output_tokens': 5,
      },
    });
    spanContext = span.spanContext();
    span.end(start + 800);
  });
  const inSpan = trace.setSpanContext(context.active(), spanContext!);
  const events = await recordLogs('event-app', (logger) =>
    logger.emit({
      eventName: 'gen_ai.client.inference.operation.details',
      timestamp: start + 800,
      context: inSpan,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.system_instructions': JSON.stringify([{ type: 'text', content: 'You are terse.' }]),
        'gen_ai.input.messages': JSON.stringify([
          {
            role: 'user',
            parts: [{ type: 'text', content: `I am ${EMAIL}. What is the capital of France?` }],
          },
        ]),
        'gen_ai.output.messages': JSON.stringify([
          { role: 'assistant', parts: [{ type: 'text', content: 'Paris.' }], finish_reason: 'stop' },
        ]),
      },
    }),
  );
  return { spans, events, traceId: spanContext!.traceId };
}

async function get(path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${fw.apiUrl}${path}`);
  return { status: res.status, text: await res.text() };
}

async function post(path: string, body: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(`${fw.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

describe.each(['events first', 'span first'] as const)('a contentless span and its event, %s', (order) => {
  it('shows the event’s messages in the detail, the review queue, the exports and the trace', async () => {
    const tag = order === 'events first' ? 'ef' : 'sf';
    const workload = `events-${tag}`;
    const requestId = `event-call-${tag}`;
    const start = BASE + (order === 'events first' ? 0 : 3_600_000);
    const c = await call(workload, requestId, start);
    if (order === 'events first') {
      expectSuccess(await exportLogs('protobuf', fw.otlpUrl, c.events));
      expectSuccess(await exportSpans('protobuf', fw.otlpUrl, c.spans));
    } else {
      expectSuccess(await exportSpans('protobuf', fw.otlpUrl, c.spans));
      expectSuccess(await exportLogs('protobuf', fw.otlpUrl, c.events));
    }
    const reads: string[] = [];
    const read = async (path: string) => {
      const r = await get(path);
      expect(r.status, `${path}: ${r.text}`).toBe(200);
      reads.push(r.text);
      return r.text;
    };

    // The detail: what the explorer and the Review page show.
    const detail = JSON.parse(await read(`/api/v1/interactions/${requestId}`)) as { item: InteractionDetail };
    expect(detail.item).toMatchObject({
      requestId,
      messagesFrom: 'events',
      systemInstructions: 'You are terse.',
      inputMessages: [{ role: 'user', content: expect.stringContaining('What is the capital of France?') }],
      outputMessages: [{ role: 'assistant', content: 'Paris.' }],
      prompt: expect.stringContaining('What is the capital of France?'),
      response: 'Paris.',
    });
    expect(detail.item.prompt).toContain('<EMAIL>');

    // The review queue, once the signal window has closed: the item a reviewer opens, whose detail is above.
    const window = `workload=${workload}&from=${iso(start - 3_600_000)}&to=${iso(start + 3_600_000)}`;
    const queue = JSON.parse(
      await read(`/api/v1/review-queue?${window}&asOf=${iso(start + 3 * 86_400_000)}`),
    ) as { items: ReviewQueueItem[] };
    expect(queue.items.map((i) => [i.requestId, i.reasons])).toEqual([[requestId, ['judge_near_threshold']]]);

    // A reviewer passes it; frozen into a dataset, its SFT line is the event's conversation and answer.
    const review = await post('/api/v1/reviews', {
      requestId,
      reviewer: 'rv',
      labels: { accuracy: true, helpfulness: true, safety: true },
      time: iso(start + 4 * 86_400_000),
    });
    expect(review.status, review.text).toBe(200);
    const created = await post('/api/v1/datasets', {
      workload,
      window: { from: iso(start - 3_600_000), to: iso(start + 3_600_000) },
      at: iso(start + 20 * 86_400_000),
      validationShare: 0,
    });
    expect(created.status, created.text).toBe(201);
    const datasetId = (JSON.parse(created.text) as { dataset: { id: string } }).dataset.id;
    const sft = await read(`/api/v1/datasets/${datasetId}/export?format=sft&split=train`);
    expect(
      sft
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([
      {
        messages: [
          { role: 'system', content: 'You are terse.' },
          { role: 'user', content: 'I am <EMAIL>. What is the capital of France?' },
          { role: 'assistant', content: 'Paris.' },
        ],
      },
    ]);
    expect(await read(`/api/v1/datasets/${datasetId}/export?format=sft&split=train`)).toBe(sft);

    // The explorer's CSV and the trace.
    const csv = await read(`/api/v1/interactions/export?${window}`);
    expect(csv).toContain('"I am <EMAIL>. What is the capital of France?","Paris."');
    const tree = await read(`/api/v1/traces/${c.traceId}`);
    expect(tree).toContain('"messagesFrom":"events"');

    // Redacted everywhere: the event's email never comes back.
    expect(reads).toHaveLength(6);
    for (const body of reads) expect(body).not.toContain(EMAIL);
  });
});
