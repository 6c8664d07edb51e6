import Anthropic from '@anthropic-ai/sdk';
import { SpanStatusCode, context, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getRequestId } from '../context/request-id';
import { withFlywheel } from '../context/scope';
import { FAKE_REPLY } from '../testing/fake-openai';
import { startFakeAnthropic } from '../testing/fake-anthropic';
import type { FakeServer } from '../testing/fake-server';
import { eventually, memoryTracing, spansNamed } from '../testing/tracing';
import { FlywheelAnthropicInstrumentation } from './instrumentation';

const memory = memoryTracing();
let server: FakeServer;
let client: Anthropic;
const instrumentation = new FlywheelAnthropicInstrumentation();

beforeAll(async () => {
  server = await startFakeAnthropic();
  expect(instrumentation.patchModule(Anthropic)).toBe(true);
  client = new Anthropic({ baseURL: server.url, apiKey: 'test-key', maxRetries: 0 });
});
afterAll(async () => {
  instrumentation.disable();
  await server.close();
});
beforeEach(() => memory.reset());

const params = {
  model: 'claude-sonnet-4-5-x',
  max_tokens: 100,
  system: 'Be brief.',
  messages: [{ role: 'user' as const, content: 'Say hello' }],
};
const signalSpans = () => spansNamed(memory, 'flywheel.signal');
const llmSpans = () => memory.getFinishedSpans().filter((span) => span.name !== 'flywheel.signal');

describe('messages.create', () => {
  it('records a chat span and replaces the SDK’s own span', async () => {
    const message = await withFlywheel({ workloadId: 'summaries' }, () => client.messages.create(params));
    expect(message.content[0]).toMatchObject({ type: 'text', text: FAKE_REPLY });
    await eventually(() => memory.getFinishedSpans().length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(memory.getFinishedSpans().map((span) => span.name)).toEqual(['chat claude-sonnet-4-5-x']);
    const [span] = llmSpans();
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-sonnet-4-5-x',
      'gen_ai.request.max_tokens': 100,
      'gen_ai.response.id': message.id,
      'gen_ai.response.finish_reasons': ['end_turn'],
      'gen_ai.usage.input_tokens': 15,
      'gen_ai.usage.output_tokens': 6,
      'flywheel.workload_id': 'summaries',
      'flywheel.request_id': message.id,
    });
    expect(JSON.parse(String(span?.attributes['gen_ai.system_instructions']))).toEqual([
      { type: 'text', content: 'Be brief.' },
    ]);
    expect(JSON.parse(String(span?.attributes['gen_ai.output.messages']))).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: FAKE_REPLY }], finish_reason: 'stop' },
    ]);
    expect(getRequestId(message)).toBe(message.id);
  });

  it('parents the span on the app’s active span', async () => {
    const tracer = trace.getTracer('app');
    const parent = tracer.startSpan('handle request');
    await context.with(trace.setSpan(context.active(), parent), () => client.messages.create(params));
    parent.end();
    await eventually(() => llmSpans().length === 2);
    const span = llmSpans().find((s) => s.name.startsWith('chat'));
    expect(span?.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
  });

  it('records a streamed message (create with stream: true)', async () => {
    const stream = await client.messages.create({ ...params, stream: true });
    let text = '';
    for await (const event of stream) {
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    }
    expect(text).toBe(FAKE_REPLY);
    await eventually(() => llmSpans().length === 1);
    const [span] = llmSpans();
    expect(span?.attributes).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.response.finish_reasons': ['end_turn'],
      'gen_ai.usage.input_tokens': 15,
      'gen_ai.usage.output_tokens': 6,
    });
    expect(span?.attributes['gen_ai.response.id']).toMatch(/^msg_fake_/);
    expect(typeof span?.attributes['gen_ai.response.time_to_first_chunk']).toBe('number');
    expect(JSON.parse(String(span?.attributes['gen_ai.output.messages']))).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: FAKE_REPLY }], finish_reason: 'stop' },
    ]);
  });

  it('records the messages.stream() helper once, under the app’s parent', async () => {
    const tracer = trace.getTracer('app');
    const parent = tracer.startSpan('handle request');
    const final = await context.with(trace.setSpan(context.active(), parent), () =>
      client.messages.stream(params).finalMessage(),
    );
    parent.end();
    expect(final.content[0]).toMatchObject({ type: 'text', text: FAKE_REPLY });
    await eventually(() => llmSpans().length === 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const chat = llmSpans().filter((s) => s.name.startsWith('chat'));
    expect(chat).toHaveLength(1);
    expect(llmSpans().some((s) => s.name.startsWith('anthropic.'))).toBe(false);
    expect(chat[0]?.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(chat[0]?.attributes['gen_ai.response.id']).toBe(final.id);
  });

  it('emits early_termination when MessageStream.abort() stops the stream', async () => {
    const stream = client.messages.stream({ ...params, model: 'long' });
    let deltas = 0;
    stream.on('text', () => {
      if (++deltas === 3) stream.abort();
    });
    await stream.done().catch(() => undefined);
    await eventually(() => signalSpans().length === 1);
    const [span] = llmSpans();
    expect(signalSpans()[0]?.attributes['flywheel.request_id']).toBe(span?.attributes['gen_ai.response.id']);
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('emits early_termination when the app breaks out of a raw stream', async () => {
    const stream = await client.messages.create({ ...params, model: 'long', stream: true });
    let events = 0;
    for await (const _event of stream) if (++events === 4) break;
    await eventually(() => signalSpans().length === 1);
    expect(llmSpans()).toHaveLength(1);
  });

  it('records provider errors and re-throws the same error object', async () => {
    const promise = client.messages.create({ ...params, model: 'error-400' });
    const first = await promise.catch((e: unknown) => e);
    const second = await promise.catch((e: unknown) => e);
    expect(first).toBeInstanceOf(Anthropic.BadRequestError);
    expect(second).toBe(first);
    await eventually(() => llmSpans().length === 1);
    expect(llmSpans()[0]?.status.code).toBe(SpanStatusCode.ERROR);
    expect(llmSpans()[0]?.attributes['error.type']).toBe('400');
  });

  it('keeps withResponse() working', async () => {
    const { data, response } = await client.messages.create(params).withResponse();
    expect(data.id).toMatch(/^msg_fake_/);
    expect(response.status).toBe(200);
    await eventually(() => llmSpans().length === 1);
  });
});
