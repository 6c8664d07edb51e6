import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRequestId } from './context/request-id';
import { isPatched } from './core/patch';
import { withFlywheel } from './context/scope';
import { registerFlywheel } from './register';
import { signals } from './signals/signals';
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
});

const messages = [{ role: 'user' as const, content: 'Say hello' }];

describe('registerFlywheel without an OTel SDK running', () => {
  it('starts the SDK and exports LLM and signal spans as OTLP protobuf with the key', async () => {
    const fw = registerFlywheel({
      serviceName: 'demo-service',
      endpoint: collector.url,
      apiKey: 'fw_test_key',
    });
    expect(fw.mode).toBe('sdk');
    expect(registerFlywheel({})).toBe(fw);
    // Patched synchronously: the app's very next call is traced without awaiting fw.ready.
    expect(isPatched(OpenAI.Chat.Completions.prototype, 'create')).toBe(true);

    const client = new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: 'sk-test', maxRetries: 0 });
    const completion = await withFlywheel({ workloadId: 'support', userId: 'u1' }, () =>
      client.chat.completions.create({ model: 'gpt-4o', messages }),
    );
    const requestId = getRequestId(completion);
    expect(requestId).toBe(completion.id);
    signals.accept(requestId!);
    await fw.forceFlush();

    const exports = collector.requests.filter((r) => r.url === '/v1/traces');
    expect(exports.length).toBeGreaterThan(0);
    expect(exports[0]?.headers['content-type']).toBe('application/x-protobuf');
    expect(exports[0]?.headers.authorization).toBe('Bearer fw_test_key');
    const payload = Buffer.concat(exports.map((r) => r.raw)).toString('latin1');
    for (const text of [
      'chat gpt-4o',
      'flywheel.signal',
      'demo-service',
      'support',
      completion.id,
      'accepted',
    ]) {
      expect(payload).toContain(text);
    }
    await fw.shutdown();
  });
});
