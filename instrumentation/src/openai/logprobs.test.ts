import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetFlywheelSettings } from '../config/settings';
import { internalErrorCount } from '../internal/safe';
import { FAKE_LOGPROBS, FAKE_REPLY, startFakeOpenAI } from '../testing/fake-openai';
import type { FakeServer } from '../testing/fake-server';
import { eventually, memoryTracing } from '../testing/tracing';
import { FlywheelOpenAIInstrumentation } from './instrumentation';
import { TokenLogprobs } from './logprobs';

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

const messages = [{ role: 'user' as const, content: 'Say hello' }];
const MEAN = 'flywheel.response.mean_logprob';
const MIN = 'flywheel.response.min_logprob';
const expectedMean = FAKE_LOGPROBS.reduce((a, b) => a + b, 0) / FAKE_LOGPROBS.length;

async function onlySpan() {
  await eventually(() => memory.getFinishedSpans().length === 1);
  return memory.getFinishedSpans()[0]!.attributes;
}

describe('token logprobs of chat completions', () => {
  it('records the mean and minimum token logprob when the response carries logprobs', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages, logprobs: true });
    expect(completion.choices[0]?.logprobs?.content).toHaveLength(FAKE_LOGPROBS.length);
    const attributes = await onlySpan();
    expect(attributes[MEAN]).toBeCloseTo(expectedMean, 12);
    expect(attributes[MIN]).toBe(Math.min(...FAKE_LOGPROBS));
  });

  it('records them from a stream, chunk by chunk', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages,
      logprobs: true,
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(FAKE_REPLY);
    const attributes = await onlySpan();
    expect(attributes[MEAN]).toBeCloseTo(expectedMean, 12);
    expect(attributes[MIN]).toBe(-2);
  });

  it('records neither when the response has no logprobs', async () => {
    await client.chat.completions.create({ model: 'gpt-4o', messages });
    const attributes = await onlySpan();
    expect(attributes[MEAN]).toBeUndefined();
    expect(attributes[MIN]).toBeUndefined();
    expect(attributes['gen_ai.usage.output_tokens']).toBe(5);
  });

  it('records neither, and never throws, when the logprobs are malformed', async () => {
    const errors = internalErrorCount();
    const completion = await client.chat.completions.create({
      model: 'bad-logprobs',
      messages,
      logprobs: true,
    });
    expect(completion.choices[0]?.message.content).toBe(FAKE_REPLY);
    const attributes = await onlySpan();
    expect(attributes[MEAN]).toBeUndefined();
    expect(attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);
    expect(internalErrorCount()).toBe(errors);
  });
});

describe('TokenLogprobs', () => {
  const of = (...fields: unknown[]) => {
    const logprobs = new TokenLogprobs();
    for (const field of fields) logprobs.add(field);
    return logprobs.attributes();
  };

  it('averages over every choice, refusal tokens included', () => {
    expect(
      of({ content: [{ logprob: -1 }, { logprob: -3 }] }, { content: null, refusal: [{ logprob: -2 }] }),
    ).toEqual({ [MEAN]: -2, [MIN]: -3 });
  });

  it.each([
    ['a string', { content: [{ logprob: '-1' }] }],
    ['a positive value', { content: [{ logprob: 0.5 }] }],
    ['NaN', { content: [{ logprob: Number.NaN }] }],
    ['content that is not a list', { content: { logprob: -1 } }],
    ['a logprobs field that is not an object', 'low'],
    ['a token that is not an object', { content: [-1] }],
  ])('records nothing for %s, even beside good tokens', (_name, bad) => {
    expect(of({ content: [{ logprob: -0.5 }] }, bad)).toEqual({});
  });

  it('records nothing for no tokens at all', () => {
    expect(of(null, undefined, { content: [] })).toEqual({});
  });
});
