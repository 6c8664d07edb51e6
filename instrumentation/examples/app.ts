/**
 * A small support assistant that records its responses and the user's later feedback in Flywheel.
 *
 *   tsx instrumentation/examples/app.ts
 *
 * Environment:
 *   FLYWHEEL_ENDPOINT   collector OTLP endpoint (default http://127.0.0.1:4318)
 *   FLYWHEEL_API_KEY    project key, if the collector requires one
 *   OPENAI_API_KEY      with OPENAI_BASE_URL (optional): a real or compatible provider;
 *                       without either, the example starts a local fake OpenAI server
 *   OPENAI_MODEL        model name (default gpt-4o-mini)
 */
import OpenAI from 'openai';
import { getRequestId, registerFlywheel, signals, withFlywheel } from '../src/index';
import { startFakeOpenAI } from '../src/testing/fake-openai';

// 1. One call sets up tracing to Flywheel. Passing the imported module patches it right away.
const fw = registerFlywheel({
  serviceName: 'support-assistant',
  endpoint: process.env.FLYWHEEL_ENDPOINT ?? 'http://127.0.0.1:4318',
  apiKey: process.env.FLYWHEEL_API_KEY,
  userIdSalt: process.env.FLYWHEEL_USER_ID_SALT ?? 'example-salt',
  instrumentModules: { openai: OpenAI },
});

const useFake = process.env.OPENAI_API_KEY === undefined && process.env.OPENAI_BASE_URL === undefined;
const fake = useFake ? await startFakeOpenAI({ chunkDelayMs: 20 }) : undefined;
const client = new OpenAI(
  fake !== undefined ? { baseURL: `${fake.url}/v1`, apiKey: 'not-needed' } : { maxRetries: 1 },
);
const model = process.env.OPENAI_MODEL ?? (fake !== undefined ? 'long' : 'gpt-4o-mini');
console.log(
  fake !== undefined ? `Using a local fake OpenAI at ${fake.url}` : 'Using the configured OpenAI provider',
);

const user = { id: 'user-123', session: `session-${Date.now()}` };

// 2. Every LLM call inside withFlywheel carries the workload, user (hashed) and session.
const answer = await withFlywheel({ workloadId: 'support', userId: user.id, sessionId: user.session }, () =>
  client.chat.completions.create({
    model,
    messages: [
      { role: 'system', content: 'You are a concise support assistant.' },
      { role: 'user', content: 'How do I reset my password?' },
    ],
  }),
);
const answerText = answer.choices[0]?.message.content ?? '';
// 3. The request id to send feedback with later (the provider's response id unless you set your own).
const answerId = getRequestId(answer)!;
console.log(`Answer ${answerId}: ${answerText.slice(0, 80)}`);

// ...later, the UI reports what the user did with it:
signals.copy(answerId, { userId: user.id });
signals.edit(
  answerId,
  { originalText: answerText, finalText: `${answerText} (edited by the user)` },
  { userId: user.id },
);
signals.thumbsUp(answerId, { userId: user.id });

// 4. A streamed answer the user stops reading: the early_termination signal is recorded by itself.
const stream = await withFlywheel({ workloadId: 'support', userId: user.id, sessionId: user.session }, () =>
  client.chat.completions.create({
    model,
    stream: true,
    messages: [{ role: 'user', content: 'Explain every account setting in detail.' }],
  }),
);
let pieces = 0;
for await (const chunk of stream) {
  process.stdout.write(chunk.choices[0]?.delta.content ?? '');
  if (++pieces === 10) break; // the user hit "stop"
}
const streamedId = getRequestId(stream)!;
console.log(`\nStopped streamed answer ${streamedId}; the user asks for another one.`);
signals.regenerate(streamedId, { userId: user.id });

await fw.forceFlush();
console.log(
  `Spans sent to ${process.env.FLYWHEEL_ENDPOINT ?? 'http://127.0.0.1:4318'} (a collector must be listening).`,
);
await fw.shutdown();
await fake?.close();
