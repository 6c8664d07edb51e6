import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { internalErrorCount, setFaultInjector } from '../internal/safe';
import { FlywheelOpenAIInstrumentation } from '../openai/instrumentation';
import { startFakeOpenAI, FAKE_REPLY } from '../testing/fake-openai';
import type { FakeServer } from '../testing/fake-server';
import { eventually, memoryTracing } from '../testing/tracing';

const memory = memoryTracing();
let server: FakeServer;
let client: OpenAI;
const instrumentation = new FlywheelOpenAIInstrumentation();

beforeAll(() => {
  instrumentation.patchModule(OpenAI);
});
afterAll(() => {
  instrumentation.disable();
});
// A fresh provider per case, so each case counts only its own requests and can fail on its own.
beforeEach(async () => {
  memory.reset();
  server = await startFakeOpenAI();
  client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'test-key', maxRetries: 0 });
});
afterEach(async () => {
  setFaultInjector(undefined);
  await server.close();
});

const messages = [{ role: 'user' as const, content: 'Say hello' }];

function failAt(stage: string): void {
  setFaultInjector((at) => {
    if (at === stage) throw new Error(`injected failure at ${stage}`);
  });
}

describe('a failure inside the instrumentation never reaches the host call', () => {
  it.each(['start', 'tap', 'result'])('returns the provider result when %s throws', async (stage) => {
    failAt(stage);
    const before = internalErrorCount();
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages });
    expect(completion.choices[0]?.message.content).toBe(FAKE_REPLY);
    expect(internalErrorCount()).toBeGreaterThan(before);
    // The request went out exactly once: the wrapper did not retry it after its own failure.
    expect(server.requests).toHaveLength(1);
  });

  it('sends the request once even when the span cannot be started', async () => {
    failAt('start');
    await client.chat.completions.create({ model: 'gpt-4o', messages });
    expect(server.requests).toHaveLength(1);
    expect(memory.getFinishedSpans()).toHaveLength(0);
  });

  it('still ends the span when reading the result fails', async () => {
    failAt('result');
    await client.chat.completions.create({ model: 'gpt-4o', messages });
    await eventually(() => memory.getFinishedSpans().length === 1);
    expect(server.requests).toHaveLength(1);
  });

  it('delivers every stream chunk when reading chunks fails', async () => {
    failAt('chunk');
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(FAKE_REPLY);
    await eventually(() => memory.getFinishedSpans().length === 1);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps the withResponse() API when the tap fails', async () => {
    failAt('tap');
    const { data, response } = await client.chat.completions
      .create({ model: 'gpt-4o', messages })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe(FAKE_REPLY);
    expect(response.ok).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('re-throws a provider error unchanged even when the tap failed', async () => {
    failAt('tap');
    const error = await client.chat.completions
      .create({ model: 'error-400', messages })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect(server.requests).toHaveLength(1);
  });
});
