import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFlywheel } from './register';
import { startFakeOpenAI } from './testing/fake-openai';
import { startFakeOtlpReceiver } from './testing/fake-otlp';
import type { FakeServer } from './testing/fake-server';

let provider: FakeServer;
let collector: FakeServer;

beforeAll(async () => {
  provider = await startFakeOpenAI();
  collector = await startFakeOtlpReceiver();
});
afterAll(async () => {
  await provider.close();
  await collector.close();
  delete process.env.OTEL_EXPORTER_OTLP_PROTOCOL;
  delete process.env.FLYWHEEL_API_KEY;
});

describe('registerFlywheel configured by environment', () => {
  it('honours OTEL_EXPORTER_OTLP_PROTOCOL=http/json, FLYWHEEL_API_KEY and a full traces URL', async () => {
    process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/json';
    process.env.FLYWHEEL_API_KEY = 'fw_env_key';
    const fw = registerFlywheel({ serviceName: 'json-service', endpoint: `${collector.url}/v1/traces/` });
    expect(fw.mode).toBe('sdk');
    await fw.ready;
    const client = new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: 'sk-test', maxRetries: 0 });
    await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hi' });
    await fw.forceFlush();
    const [request] = collector.requests;
    expect(request?.url).toBe('/v1/traces');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBe('Bearer fw_env_key');
    const spans = (request?.body.resourceSpans as { scopeSpans: { spans: { name: string }[] }[] }[])
      .flatMap((r) => r.scopeSpans)
      .flatMap((s) => s.spans);
    expect(spans.map((s) => s.name)).toContain('embeddings text-embedding-3-small');
    await fw.shutdown();
  });
});
