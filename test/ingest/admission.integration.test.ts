import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryServerRequest } from './memory-server';

const MiB = 2 ** 20;
// Past the server's resident memory at start (about 0.45 GiB with the engine loaded), this leaves room
// for two 18 MiB bodies at once with the default cost per byte; twenty would need several GiB.
const SOFT_LIMIT = 2 * 1024 * MiB;
const CONCURRENT = 20;

let child: ChildProcess;
let otlpUrl: string;

async function ask<T>(request: MemoryServerRequest): Promise<T> {
  const reply = once(child, 'message') as Promise<[T]>;
  child.send(request);
  return (await reply)[0];
}

beforeAll(async () => {
  child = fork(fileURLToPath(new URL('./memory-server.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FLYWHEEL_TEST_SOFT_LIMIT: String(SOFT_LIMIT) },
    stdio: 'inherit',
  });
  ({ otlpUrl } = ((await once(child, 'message')) as [{ otlpUrl: string }])[0]);
});
afterAll(async () => {
  const exited = once(child, 'exit');
  child.send({ type: 'stop' } satisfies MemoryServerRequest);
  await exited;
});

/** An OTLP/JSON body of about `bytes`: LLM spans with 9 KB prompts, each with its own request id. */
function body(prefix: string, bytes: number): Buffer {
  const prompt = 'Please summarise the attached report about order 12345 and call me back. '.repeat(120);
  const spans: unknown[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const span = {
      traceId: (i + 1).toString(16).padStart(32, '0'),
      spanId: (i + 1).toString(16).padStart(16, '0'),
      name: 'chat m',
      startTimeUnixNano: String(1_761_991_200_000_000_000n + BigInt(i) * 1_000_000n),
      endTimeUnixNano: String(1_761_991_201_000_000_000n + BigInt(i) * 1_000_000n),
      attributes: [
        { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } },
        { key: 'flywheel.request_id', value: { stringValue: `${prefix}-${i}` } },
        {
          key: 'gen_ai.input.messages',
          value: {
            stringValue: JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: prompt }] }]),
          },
        },
      ],
    };
    spans.push(span);
    size += JSON.stringify(span).length;
  }
  return Buffer.from(
    JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ spans }] }] }),
  );
}

describe('admission by bytes in flight', () => {
  it(`keeps resident memory under the soft limit with ${CONCURRENT} simultaneous 18 MiB bodies`, async () => {
    const payload = body('admission', 18 * MiB);
    const spansPerBody = (payload.toString().match(/"flywheel.request_id"/g) ?? []).length;
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        const res = await fetch(`${otlpUrl}/v1/traces`, {
          method: 'POST',
          body: payload,
          headers: { 'content-type': 'application/json' },
        });
        return {
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          message: await res.text(),
          ms: performance.now() - started,
        };
      }),
    );
    const admitted = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    const { peak } = await ask<{ peak: number }>({ type: 'peak' });
    console.log(
      `${admitted.length} admitted, ${refused.length} refused; peak resident ${(peak / MiB).toFixed(0)} MiB ` +
        `under a soft limit of ${(SOFT_LIMIT / MiB).toFixed(0)} MiB; last refusal after ` +
        `${Math.max(...refused.map((r) => r.ms)).toFixed(0)} ms, first admitted answer after ` +
        `${Math.min(...admitted.map((r) => r.ms)).toFixed(0)} ms`,
    );
    expect(peak).toBeLessThan(SOFT_LIMIT);
    expect(admitted.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(CONCURRENT - 3);
    for (const r of refused) {
      expect(r.status).toBe(429);
      expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(r.message).toMatch(/too many request bytes in flight/);
    }
    // Refused at once, not after waiting for the admitted requests to be processed.
    expect(Math.max(...refused.map((r) => r.ms))).toBeLessThan(Math.min(...admitted.map((r) => r.ms)));
    // The admitted requests were stored whole (the span ids repeat: they collapse to one copy).
    expect(await ask<{ count: number }>({ type: 'count', prefix: 'admission-' })).toEqual({
      count: spansPerBody,
    });
  });
});
