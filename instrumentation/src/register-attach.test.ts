import OpenAI from 'openai';
import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFlywheel } from './register';
import { signals } from './signals/signals';
import { getRequestId } from './context/request-id';
import { startFakeOpenAI } from './testing/fake-openai';
import { startFakeOtlpReceiver } from './testing/fake-otlp';
import type { FakeServer } from './testing/fake-server';

let provider: FakeServer;
let collector: FakeServer;
const appExporter = new InMemorySpanExporter();

beforeAll(async () => {
  provider = await startFakeOpenAI();
  collector = await startFakeOtlpReceiver();
  // The app's own SDK, exporting elsewhere (here: memory).
  new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(appExporter)] }).register();
});
afterAll(async () => {
  await provider.close();
  await collector.close();
});

describe('registerFlywheel with the app’s own OTel SDK', () => {
  it('adds the instrumentations and exports only LLM and signal spans to Flywheel', async () => {
    const fw = registerFlywheel({
      endpoint: collector.url,
      apiKey: 'fw_key',
      instrumentModules: { openai: OpenAI },
    });
    expect(fw.mode).toBe('attached');
    const client = new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: 'sk-test', maxRetries: 0 });

    const appSpan = trace.getTracer('app').startSpan('GET /unrelated');
    appSpan.end();
    const completion = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
    });
    signals.thumbsUp(getRequestId(completion)!);
    await fw.forceFlush();

    // The app's exporter still sees everything.
    expect(appExporter.getFinishedSpans().map((s) => s.name)).toEqual([
      'GET /unrelated',
      'chat gpt-4o',
      'flywheel.signal',
    ]);
    const payload = Buffer.concat(collector.requests.map((r) => r.raw)).toString('latin1');
    expect(collector.requests[0]?.headers.authorization).toBe('Bearer fw_key');
    expect(payload).toContain('chat gpt-4o');
    expect(payload).toContain('flywheel.signal');
    expect(payload).not.toContain('GET /unrelated');
    await fw.shutdown();
  });
});
