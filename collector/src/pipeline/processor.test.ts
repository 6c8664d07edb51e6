import { afterAll, describe, expect, it } from 'vitest';
import { inlineProcessor, workerPool, WorkersBusyError } from './processor';
import type { BodyResult } from './process-body';

const attr = (key: string, value: unknown) => ({ key, value });
function body(prefix: string, spans: number): Buffer {
  return Buffer.from(
    JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [attr('service.name', { stringValue: 'svc' })] },
          scopeSpans: [
            {
              spans: Array.from({ length: spans }, (_, i) => ({
                traceId: (i + 1).toString(16).padStart(32, 'a'),
                spanId: (i + 1).toString(16).padStart(16, 'b'),
                name: 'chat m',
                startTimeUnixNano: '1761991200000000000',
                endTimeUnixNano: '1761991201000000000',
                attributes: [
                  attr('gen_ai.operation.name', { stringValue: 'chat' }),
                  attr('flywheel.request_id', { stringValue: `${prefix}-${i}` }),
                  attr('gen_ai.input.messages', {
                    stringValue: JSON.stringify([
                      { role: 'user', content: `write to jane.doe@example.com about order ${i}` },
                    ]),
                  }),
                ],
              })),
            },
          ],
        },
      ],
    }),
  );
}

const pool = workerPool({ threads: 1, maxQueuedBytes: 1 });
afterAll(() => pool.close());

const text = (result: BodyResult) => {
  if (!('processed' in result)) throw new Error(result.refused.message);
  return Buffer.from(result.processed.rows.interactions.bytes).toString('utf8');
};

describe('worker pool', () => {
  it('produces exactly the rows the calling thread produces, with their bytes transferred back', async () => {
    const fromWorker = await pool.process({ body: body('same', 20), encoding: 'json', projectId: 'p' });
    const inline = await inlineProcessor().process({
      body: body('same', 20),
      encoding: 'json',
      projectId: 'p',
    });
    expect(text(fromWorker)).toBe(text(inline));
    expect(text(fromWorker).split('\n')).toHaveLength(21); // 20 lines and the final newline
    expect(text(fromWorker)).toContain('<EMAIL>');
    expect(text(fromWorker)).not.toContain('jane.doe');
  }, 60_000);

  it('refuses a body with WorkersBusyError when the thread is busy and the queue holds its bytes', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 3 }, (_, i) =>
        pool.process({ body: body(`busy-${i}`, 200), encoding: 'json', projectId: 'p' }),
      ),
    );
    expect(results[0]!.status).toBe('fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(WorkersBusyError);
  }, 60_000);

  it('returns an undecodable body as a refusal with its status, not a thrown error', async () => {
    const result = await pool.process({ body: Buffer.from('{'), encoding: 'json', projectId: 'p' });
    expect(result).toMatchObject({
      refused: { status: 400, message: expect.stringMatching(/not valid JSON/) },
    });
  }, 60_000);
});
