import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPatched } from '../core/patch';
import { startFakeOpenAI } from '../testing/fake-openai';
import type { FakeServer } from '../testing/fake-server';
import { eventually, memoryTracing } from '../testing/tracing';
import { FlywheelOpenAIInstrumentation } from './instrumentation';

const memory = memoryTracing();
let server: FakeServer;
// Created before the SDK is required: InstrumentationBase's require hook patches it on load.
const instrumentation = new FlywheelOpenAIInstrumentation();

beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => {
  instrumentation.disable();
  await server.close();
});

describe('CommonJS apps', () => {
  it('patch the SDK when it is required after the instrumentation exists, and unpatch on disable', async () => {
    const OpenAI = createRequire(import.meta.url)('openai') as typeof import('openai').default;
    expect(isPatched(OpenAI.Chat.Completions.prototype, 'create')).toBe(true);
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'k', maxRetries: 0 });
    await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    await eventually(() => memory.getFinishedSpans().length === 1);
    expect(memory.getFinishedSpans()[0]?.name).toBe('chat gpt-4o');

    instrumentation.disable();
    expect(isPatched(OpenAI.Chat.Completions.prototype, 'create')).toBe(false);
  });
});
