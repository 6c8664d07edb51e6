import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getRequestId } from '../context/request-id';
import { startFakeOpenAI } from '../testing/fake-openai';
import type { FakeServer } from '../testing/fake-server';
import { eventually, memoryTracing, spansNamed } from '../testing/tracing';
import { instrumentOpenAI } from '../setup/instances';

const memory = memoryTracing();
let server: FakeServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startFakeOpenAI();
  // The instance route: patches the classes behind this client.
  client = instrumentOpenAI(new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'test-key', maxRetries: 0 }));
});
afterAll(() => server.close());
beforeEach(() => memory.reset());

const llmSpans = () => memory.getFinishedSpans().filter((span) => span.name !== 'flywheel.signal');

describe('responses.create', () => {
  it('records the Responses API call with instructions, input and output', async () => {
    const response = await client.responses.create({
      model: 'gpt-4.1',
      instructions: 'Answer in one line.',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'Say hello' }] }],
      max_output_tokens: 64,
    });
    expect(response.output_text).toBe('Hello from the fake model');
    await eventually(() => llmSpans().length === 1);
    const [span] = llmSpans();
    expect(span?.name).toBe('chat gpt-4.1');
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.max_tokens': 64,
      'gen_ai.response.id': response.id,
      'gen_ai.response.model': 'gpt-4.1-2024-08-06',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 9,
      'gen_ai.usage.output_tokens': 5,
      'flywheel.request_id': response.id,
    });
    expect(JSON.parse(String(span?.attributes['gen_ai.system_instructions']))).toEqual([
      { type: 'text', content: 'Answer in one line.' },
    ]);
    expect(JSON.parse(String(span?.attributes['gen_ai.input.messages']))).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'Say hello' }] },
    ]);
    expect(JSON.parse(String(span?.attributes['gen_ai.output.messages']))).toEqual([
      {
        role: 'assistant',
        parts: [{ type: 'text', content: 'Hello from the fake model' }],
        finish_reason: 'stop',
      },
    ]);
    expect(getRequestId(response)).toBe(response.id);
  });

  it('records a streamed response from its terminal event', async () => {
    const stream = await client.responses.create({ model: 'gpt-4.1', input: 'Say hello', stream: true });
    let text = '';
    for await (const event of stream) if (event.type === 'response.output_text.delta') text += event.delta;
    expect(text).toBe('Hello from the fake model');
    await eventually(() => llmSpans().length === 1);
    const [span] = llmSpans();
    expect(span?.attributes).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.output_tokens': 5,
    });
    expect(span?.attributes['gen_ai.response.id']).toMatch(/^resp_fake_/);
    expect(typeof span?.attributes['gen_ai.response.time_to_first_chunk']).toBe('number');
    expect(JSON.parse(String(span?.attributes['gen_ai.input.messages']))).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'Say hello' }] },
    ]);
  });

  it('records partial text and early_termination for an abandoned response stream', async () => {
    const stream = await client.responses.create({ model: 'long', input: 'Count', stream: true });
    let deltas = 0;
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta' && ++deltas === 3) break;
    }
    await eventually(() => spansNamed(memory, 'flywheel.signal').length === 1);
    const [span] = llmSpans();
    expect(JSON.parse(String(span?.attributes['gen_ai.output.messages']))).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'w0 w1 w2 ' }], finish_reason: 'cancelled' },
    ]);
    expect(spansNamed(memory, 'flywheel.signal')[0]?.attributes['flywheel.request_id']).toBe(
      span?.attributes['gen_ai.response.id'],
    );
  });
});

describe('embeddings.create', () => {
  it('records an embeddings span without content', async () => {
    const result = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hello' });
    expect(result.data[0]?.embedding).toEqual([0.25, -0.5, 0.75, 1]);
    await eventually(() => llmSpans().length === 1);
    const [span] = llmSpans();
    expect(span?.name).toBe('embeddings text-embedding-3-small');
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'embeddings',
      'gen_ai.provider.name': 'openai',
      'gen_ai.usage.input_tokens': 4,
      'gen_ai.embeddings.dimension.count': 4,
    });
    expect(span?.attributes['gen_ai.input.messages']).toBeUndefined();
    expect(span?.attributes['flywheel.request_id']).toBe(span?.spanContext().spanId);
  });
});
