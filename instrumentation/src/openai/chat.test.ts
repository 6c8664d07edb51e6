import OpenAI from 'openai';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { configureFlywheel, resetFlywheelSettings } from '../config/settings';
import { getRequestId } from '../context/request-id';
import { withFlywheel } from '../context/scope';
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
  expect(instrumentation.patchModule(OpenAI)).toBe(true);
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'test-key', maxRetries: 0 });
});
afterAll(async () => {
  instrumentation.disable();
  await server.close();
});
beforeEach(() => {
  memory.reset();
  resetFlywheelSettings();
});

const messages = [
  { role: 'system' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'Say hello' },
];

describe('chat.completions.create', () => {
  it('records a GenAI chat span with usage, ids and content', async () => {
    const completion = await withFlywheel(
      { workloadId: 'support', userId: 'u1', modelVersion: 'ft-3', sessionId: 'conv-9' },
      () => client.chat.completions.create({ model: 'gpt-4o', messages, temperature: 0.2, max_tokens: 50 }),
    );
    expect(completion.choices[0]?.message.content).toBe(FAKE_REPLY);
    await eventually(() => memory.getFinishedSpans().length === 1);
    const [span] = spansNamed(memory, 'chat gpt-4o');
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.request.stream': false,
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.max_tokens': 50,
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.response.id': completion.id,
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 5,
      'gen_ai.conversation.id': 'conv-9',
      'server.address': '127.0.0.1',
      'flywheel.workload_id': 'support',
      'flywheel.model_version': 'ft-3',
      'flywheel.session_id': 'conv-9',
      'flywheel.request_id': completion.id,
      'flywheel.user_id': hashUserId('u1'),
    });
    expect(span?.attributes['flywheel.user_id']).not.toBe('u1');
    expect(JSON.parse(String(span?.attributes['gen_ai.input.messages']))).toEqual([
      { role: 'system', parts: [{ type: 'text', content: 'Be brief.' }] },
      { role: 'user', parts: [{ type: 'text', content: 'Say hello' }] },
    ]);
    expect(JSON.parse(String(span?.attributes['gen_ai.output.messages']))).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: FAKE_REPLY }], finish_reason: 'stop' },
    ]);
    expect(getRequestId(completion)).toBe(completion.id);
  });

  it('uses the app request id from withFlywheel', async () => {
    const completion = await withFlywheel({ requestId: 'app-req-1' }, () =>
      client.chat.completions.create({ model: 'gpt-4o', messages }),
    );
    await eventually(() => memory.getFinishedSpans().length === 1);
    expect(memory.getFinishedSpans()[0]?.attributes['flywheel.request_id']).toBe('app-req-1');
    expect(getRequestId(completion)).toBe('app-req-1');
  });

  it('keeps the SDK promise: withResponse() and asResponse() still work', async () => {
    const promise = client.chat.completions.create({ model: 'gpt-4o', messages });
    expect(typeof promise.withResponse).toBe('function');
    const { data, response } = await promise.withResponse();
    expect(data.choices[0]?.message.content).toBe(FAKE_REPLY);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);

    const raw = await client.chat.completions.create({ model: 'gpt-4o', messages }).asResponse();
    const body = (await raw.json()) as { id: string };
    expect(body.id).toMatch(/^chatcmpl-fake-/);
    await eventually(() => memory.getFinishedSpans().length === 2);
  });

  it('follows the parse() helper, which chains on the SDK promise', async () => {
    const parsed = await client.chat.completions.parse({ model: 'gpt-4o', messages });
    expect(parsed.choices[0]?.message.content).toBe(FAKE_REPLY);
    await eventually(() => memory.getFinishedSpans().length === 1);
    expect(memory.getFinishedSpans()[0]?.attributes['gen_ai.response.id']).toBe(parsed.id);
  });

  it('records provider errors and re-throws the same error object', async () => {
    const promise = client.chat.completions.create({ model: 'error-400', messages });
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const again = await promise.catch((e: unknown) => e);
    expect(again).toBe(error);
    await eventually(() => memory.getFinishedSpans().length === 1);
    const [span] = memory.getFinishedSpans();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes['error.type']).toBe('400');
    expect(span?.events.some((event) => event.name === 'exception')).toBe(true);
  });

  it('records no message content when capture is off', async () => {
    configureFlywheel({ captureContent: false });
    await client.chat.completions.create({ model: 'gpt-4o', messages });
    await eventually(() => memory.getFinishedSpans().length === 1);
    const attributes = memory.getFinishedSpans()[0]?.attributes ?? {};
    expect(attributes['gen_ai.input.messages']).toBeUndefined();
    expect(attributes['gen_ai.output.messages']).toBeUndefined();
    expect(attributes['gen_ai.usage.output_tokens']).toBe(5);
  });

  it('passes through untouched once disabled', async () => {
    instrumentation.disable();
    try {
      const completion = await client.chat.completions.create({ model: 'gpt-4o', messages });
      expect(completion.id).toMatch(/^chatcmpl-fake-/);
      expect(memory.getFinishedSpans()).toHaveLength(0);
    } finally {
      instrumentation.enable();
    }
  });
});
