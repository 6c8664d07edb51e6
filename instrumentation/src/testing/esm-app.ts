/**
 * A minimal ES module app, run in a child process by `esm-app.test.ts`: it imports the SDKs the
 * usual way (before Flywheel is set up) and registers Flywheel. It runs under tsx, whose loader
 * hooks rule out the synchronous patch, so it awaits `fw.ready` like the README says. Prints what
 * the collector received as one JSON line.
 */
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { getRequestId, registerFlywheel, signals, withFlywheel } from '../index';
import { startFakeAnthropic } from './fake-anthropic';
import { startFakeOpenAI } from './fake-openai';
import { startFakeOtlpReceiver } from './fake-otlp';

const openaiServer = await startFakeOpenAI();
const anthropicServer = await startFakeAnthropic();
const collector = await startFakeOtlpReceiver();

const fw = registerFlywheel({ serviceName: 'esm-app', endpoint: collector.url, apiKey: 'fw_key' });
await fw.ready;
const openai = new OpenAI({ baseURL: `${openaiServer.url}/v1`, apiKey: 'sk', maxRetries: 0 });
const anthropic = new Anthropic({ baseURL: anthropicServer.url, apiKey: 'sk', maxRetries: 0 });

const completion = await withFlywheel({ workloadId: 'support', userId: 'u1' }, () =>
  openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
);
signals.accept(getRequestId(completion)!);
await anthropic.messages.create({
  model: 'claude-x',
  max_tokens: 10,
  messages: [{ role: 'user', content: 'hi' }],
});
await fw.forceFlush();

const payload = Buffer.concat(collector.requests.map((r) => r.raw)).toString('latin1');
process.stdout.write(
  `${JSON.stringify({
    mode: fw.mode,
    exports: collector.requests.length,
    openaiSpan: payload.includes('chat gpt-4o'),
    anthropicSpan: payload.includes('chat claude-x'),
    anthropicBuiltInSpan: payload.includes('anthropic.messages.create'),
    signal: payload.includes('flywheel.signal'),
  })}\n`,
);
await fw.shutdown();
await Promise.all([openaiServer.close(), anthropicServer.close(), collector.close()]);
