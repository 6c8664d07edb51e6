import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { interaction, plusDays } from '../fixtures/rows';

interface Labelled {
  examples: Array<{ id: string; text: string; expected: string }>;
  queries: Array<{ text: string; relevant: string }>;
}
const LABELLED = JSON.parse(
  readFileSync(new URL('./fixtures/similar-examples.labelled.json', import.meta.url), 'utf8'),
) as Labelled;

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const KEYS = { a: 'alpha-key-0123456789', b: 'bravo-key-0123456789' };
const T0 = '2026-04-06T00:00:00Z';
const pass = { accuracy: true, helpfulness: true, safety: true };

const call = async (p: 'a' | 'b', method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEYS[p]}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const similar = (p: 'a' | 'b', text: string, k = 5, workload = 'support') =>
  call(p, 'GET', `/api/v1/examples/similar?workload=${workload}&k=${k}&text=${encodeURIComponent(text)}`);

beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(`a:${KEYS.a},b:${KEYS.b}`),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
  await insertInteractions(
    env.storage.client,
    LABELLED.examples.flatMap((e, i) => [
      interaction(e.id, plusDays(T0, i / 10), {
        project_id: 'a',
        workload_id: 'support',
        prompt: e.text,
        response: e.expected,
      }),
      // The same texts in another project: never an example of project a.
      interaction(`b-${e.id}`, plusDays(T0, i / 10), {
        project_id: 'b',
        workload_id: 'support',
        prompt: e.text,
      }),
    ]),
  );
  const reviews = LABELLED.examples.map((e) => ({ requestId: e.id, reviewer: 'ana', labels: pass }));
  expect((await call('a', 'POST', '/api/v1/reviews', { reviews })).status).toBe(200);
});
afterAll(() => env.dispose());

describe('GET /api/v1/examples/similar', () => {
  it('finds the labelled example among the top 5 for most paraphrases (recall@5)', async () => {
    let hits = 0;
    for (const q of LABELLED.queries) {
      const { body } = await similar('a', q.text);
      if ((body.examples as Array<{ requestId: string }>).some((e) => e.requestId === q.relevant)) hits++;
    }
    const recall = hits / LABELLED.queries.length;
    console.log(`recall@5 on the labelled set: ${hits}/${LABELLED.queries.length} = ${recall.toFixed(3)}`);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });

  it('answers K examples, best first, with similarity, time and the approved answer', async () => {
    const { status, body } = await similar('a', 'How do I reset my password if I forgot it?', 3);
    expect(status).toBe(200);
    expect(body.method).toBe('lexical');
    expect(body.examples).toHaveLength(3);
    expect(body.examples[0]).toEqual({
      requestId: 'ex00',
      workload: 'support',
      time: '2026-04-06T00:00:00.000000Z',
      source: 'gold',
      text: 'How do I reset my password if I forgot it?',
      expected: 'Answer to: How do I reset my password if I forgot it?',
      similarity: 1,
    });
    const scores = (body.examples as Array<{ similarity: number }>).map((e) => e.similarity);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });

  it('follows the reviews: a correction replaces the answer, a failed review withdraws the example', async () => {
    await call('a', 'POST', '/api/v1/reviews', {
      requestId: 'ex01',
      reviewer: 'ben',
      labels: { ...pass, accuracy: false },
      correction: 'Open Settings, then Account, then Email.',
    });
    await call('a', 'POST', '/api/v1/reviews', {
      requestId: 'ex02',
      reviewer: 'ben',
      labels: { ...pass, safety: false },
    });
    const changed = await similar('a', 'How can I change the email address on my account?', 1);
    expect(changed.body.examples[0]).toMatchObject({
      requestId: 'ex01',
      source: 'correction',
      expected: 'Open Settings, then Account, then Email.',
    });
    const withdrawn = await similar('a', 'What payment methods do you accept?', 50);
    expect(withdrawn.body.examples.map((e: { requestId: string }) => e.requestId)).not.toContain('ex02');
  });

  it('is scoped to the project and the workload', async () => {
    expect((await similar('b', 'How do I reset my password?')).body.examples).toEqual([]);
    expect((await similar('a', 'How do I reset my password?', 5, 'other')).body.examples).toEqual([]);
  });

  it('refuses bad parameters with a 400 naming them', async () => {
    for (const [query, param] of [
      ['workload=support&text=', 'text'],
      ['workload=support', 'text'],
      ['text=hello', 'workload'],
      ['workload=support&text=hi&k=0', 'k'],
      ['workload=support&text=hi&k=51', 'k'],
      [`workload=support&text=${'a'.repeat(4001)}`, 'text'],
    ] as const) {
      const res = await call('a', 'GET', `/api/v1/examples/similar?${query}`);
      expect([res.status, res.body.error]).toEqual([400, expect.stringMatching(new RegExp(`^${param}: `))]);
    }
  });
});
