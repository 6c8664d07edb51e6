import OpenAI from 'openai';
import { SpanStatusCode } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getRequestId } from '../context/request-id';
import { lastRequestId, withFlywheel } from '../context/scope';
import { hashUserId } from '../context/user-id';
import { startFakeOpenAI, FAKE_REPLY } from '../testing/fake-openai';
import type { FakeServer } from '../testing/fake-server';
import { eventually, memoryTracing, spansNamed } from '../testing/tracing';
import { FlywheelOpenAIInstrumentation } from './instrumentation';

const memory = memoryTracing();
let server: FakeServer;
let client: OpenAI;
const instrumentation = new FlywheelOpenAIInstrumentation();

beforeAll(async () => {
  server = await startFakeOpenAI();
  instrumentation.patchModule(OpenAI);
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'test-key', maxRetries: 0 });
});
afterAll(async () => {
  instrumentation.disable();
  await server.close();
});
beforeEach(() => memory.reset());

const messages = [{ role: 'user' as const, content: 'Say hello' }];
const llmSpans = () => memory.getFinishedSpans().filter((span) => span.name !== 'flywheel.signal');
const signalSpans = () => spansNamed(memory, 'flywheel.signal');

describe('streamed chat completions', () => {
  it('ends the span when the stream is consumed, with content, usage and time to first chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(FAKE_REPLY);
    await eventually(() => llmSpans().length === 1);
    const [span] = llmSpans();
    expect(span?.name).toBe('chat gpt-4o');
    expect(span?.attributes).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.response.id': 'chatcmpl-fake-1',
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 5,
      'flywheel.request_id': 'chatcmpl-fake-1',
    });
    const ttfc = span?.attributes['gen_ai.response.time_to_first_chunk'];
    expect(typeof ttfc).toBe('number');
    expect(ttfc as number).toBeGreaterThan(0);
    expect(ttfc as number).toBeLessThan(5);
    expect(JSON.parse(String(span?.attributes['gen_ai.output.messages']))).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: FAKE_REPLY }], finish_reason: 'stop' },
    ]);
    expect(signalSpans()).toHaveLength(0);
    expect(getRequestId(stream)).toBe('chatcmpl-fake-1');
  });

  it('keeps the stream object: controller, toReadableStream() and tee() work', async () => {
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true });
    expect(stream.controller).toBeInstanceOf(AbortController);
    const [left, right] = stream.tee();
    const read = async (branch: typeof left) => {
      let text = '';
      for await (const chunk of branch) text += chunk.choices[0]?.delta.content ?? '';
      return text;
    };
    expect(await Promise.all([read(left), read(right)])).toEqual([FAKE_REPLY, FAKE_REPLY]);

    const second = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true });
    const reader = second.toReadableStream().getReader();
    const decoder = new TextDecoder();
    let ndjson = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) ndjson += decoder.decode(r.value);
    expect(ndjson.trim().split('\n').length).toBeGreaterThan(3);
    await eventually(() => llmSpans().length === 2);
    expect(signalSpans()).toHaveLength(0);
  });

  it('emits early_termination when the app breaks out of the loop', async () => {
    const text = await withFlywheel({ userId: 'u7' }, async () => {
      const stream = await client.chat.completions.create({ model: 'long', messages, stream: true });
      let received = '';
      let pieces = 0;
      for await (const chunk of stream) {
        received += chunk.choices[0]?.delta.content ?? '';
        if (++pieces === 5) break;
      }
      return received;
    });
    expect(text).toBe('w0 w1 w2 w3 ');
    await eventually(() => llmSpans().length === 1 && signalSpans().length === 1);
    const [span] = llmSpans();
    const [signal] = signalSpans();
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    expect(span?.attributes['gen_ai.response.finish_reasons']).toBeUndefined();
    expect(JSON.parse(String(span?.attributes['gen_ai.output.messages']))).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'w0 w1 w2 w3 ' }], finish_reason: 'cancelled' },
    ]);
    const responseId = span?.attributes['gen_ai.response.id'];
    expect(responseId).toMatch(/^chatcmpl-fake-/);
    expect(span?.attributes['flywheel.request_id']).toBe(responseId);
    expect(signal?.attributes).toMatchObject({
      'flywheel.signal.kind': 'early_termination',
      'flywheel.request_id': responseId,
      'flywheel.signal.explicit': false,
      'flywheel.user_id': hashUserId('u7'),
      'gen_ai.evaluation.name': 'flywheel.early_termination',
      'gen_ai.evaluation.score.value': 0,
    });
    expect(signal?.parentSpanContext?.spanId).toBe(span?.spanContext().spanId);
    expect(lastRequestId()).toBe(responseId);
  });

  it('emits early_termination when the app calls stream.controller.abort() and stops reading', async () => {
    const stream = await client.chat.completions.create({ model: 'long', messages, stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    stream.controller.abort();
    await eventually(() => signalSpans().length === 1);
    expect(llmSpans()).toHaveLength(1);
    expect(signalSpans()[0]?.attributes['flywheel.request_id']).toBe(
      llmSpans()[0]?.attributes['flywheel.request_id'],
    );
  });

  it('emits early_termination when the app aborts its own AbortController mid-loop', async () => {
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: 'long', messages, stream: true },
      { signal: controller.signal },
    );
    let pieces = 0;
    let thrown: unknown;
    try {
      for await (const _chunk of stream) {
        if (++pieces === 3) controller.abort();
      }
    } catch (error) {
      thrown = error;
    }
    expect(pieces).toBeLessThan(50);
    await eventually(() => signalSpans().length === 1);
    const [span] = llmSpans();
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
    // Whatever the SDK does on abort (end quietly or throw), it reaches the app unchanged.
    if (thrown !== undefined) expect((thrown as Error).name).toMatch(/Abort/);
  });

  it('does not call it early termination when the app stops after the finish chunk', async () => {
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true });
    for await (const chunk of stream) {
      if (chunk.choices[0]?.finish_reason === 'stop') break;
    }
    await eventually(() => llmSpans().length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signalSpans()).toHaveLength(0);
    expect(llmSpans()[0]?.attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);
  });

  it('freezes the request id the app was given before the response id arrived', async () => {
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true });
    const early = getRequestId(stream);
    for await (const _chunk of stream) {
      // drain
    }
    await eventually(() => llmSpans().length === 1);
    expect(early).toBeDefined();
    expect(llmSpans()[0]?.attributes['flywheel.request_id']).toBe(early);
    expect(getRequestId(stream)).toBe(early);
  });

  it('records an error status when a stream request fails', async () => {
    const error = await client.chat.completions
      .create({ model: 'error-500', messages, stream: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    await eventually(() => llmSpans().length === 1);
    expect(llmSpans()[0]?.status.code).toBe(SpanStatusCode.ERROR);
    expect(signalSpans()).toHaveLength(0);
  });
});
