import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { interaction, plusDays, signal } from '../fixtures/rows';

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const T0 = '2026-01-05T00:00:00Z';
const day = (d: number) => plusDays(T0, d);
const WINDOW = { from: T0, to: day(14) };
const good = { accuracy: true, helpfulness: true, safety: true };

const rows: InteractionRow[] = [];
const sigs: SignalRow[] = [];
const add = (id: string, d: number, kind: string | null, fields: Partial<InteractionRow> = {}, s = {}) => {
  rows.push(interaction(id, day(d), { workload_id: 'dw', ...fields }));
  if (kind) sigs.push(signal(id, kind, plusDays(day(d), 0.01), s));
};
for (let i = 0; i < 40; i++)
  add(`i${i}`, i * 0.3, 'accepted', {
    language: i % 3 ? 'en' : 'de',
    prompt: `Question ${i}?`,
    response: `Answer ${i}.`,
    // Stored conversations: a system turn and the user turn; a tool turn (dropped); one ending in an
    // assistant turn, which is no conversation to answer (the prompt alone is used).
    input_messages:
      i % 4 === 0
        ? JSON.stringify([
            { role: 'system', content: 'Be brief.' },
            { role: 'user', content: `Question ${i}?` },
          ])
        : i % 4 === 1
          ? JSON.stringify([
              { role: 'user', content: 'Earlier' },
              { role: 'tool', content: 'lookup' },
              { role: 'assistant', content: 'Earlier answer' },
              { role: 'user', content: `Question ${i}?` },
            ])
          : i % 4 === 2
            ? JSON.stringify([
                { role: 'user', content: 'x' },
                { role: 'assistant', content: 'y' },
              ])
            : '',
  });
add('c0', 1, 'corrected', { response: 'Wrong answer.' }, { correction: 'Corrected answer.' });
add('g0', 2, 'regenerated', { response: 'Gold answer.' }); // fails the gate, reviewed gold
// Near-duplicates: one member for the group.
add('n0', 3, 'accepted', { dup_key: 'dupA', response: 'Near one.' });
add('n1', 3.5, 'accepted', { dup_key: 'dupA', response: 'Near two.' });
// A regeneration: the answer kept over the regenerated one, same prompt and session.
add('r0', 4, 'regenerated', { session_id: 's1', prompt: 'Regen?', response: 'First try.' });
add('r1', 4.01, 'accepted', { session_id: 's1', prompt: 'Regen?', response: 'Second try.' });
// Thumbs on the same prompt: the thumbs-up answer (reviewed gold) over the thumbs-down one.
add('t0', 5, 'thumbs_up', { prompt: 'Thumbs?', response: 'Liked answer.' });
add('t1', 5.5, 'thumbs_down', { prompt: 'Thumbs?', response: 'Disliked answer.' });
// Another project's interaction in the same window: never a member.
rows.push(interaction('other', day(1), { project_id: 'elsewhere', workload_id: 'dw' }));
// The project's latest event time: asOf, 40 days after T0.
add('late', 40, null);

const post = async (path: string, body: unknown) => {
  const res = await app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const exported = async (id: string, format: string, split: string) => {
  const res = await app.request(`/api/v1/datasets/${id}/export?format=${format}&split=${split}`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
};
const members = async (id: string) => {
  const result = await env.storage.client.query({
    query: `SELECT request_id, split, source, dup_key FROM dataset_members FINAL
            WHERE dataset_id = {id:String} ORDER BY request_id`,
    query_params: { id },
    format: 'JSONEachRow',
  });
  return result.json<{ request_id: string; split: string; source: string; dup_key: string }>();
};

let id = '';
beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(''),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
  await insertInteractions(env.storage.client, rows);
  await insertSignals(env.storage.client, sigs);
  for (const requestId of ['g0', 't0'])
    expect(
      (await post('/api/v1/reviews', { requestId, reviewer: 'rv', labels: good, time: day(20) })).status,
    ).toBe(200);
  const created = await post('/api/v1/datasets', { workload: 'dw', window: WINDOW, validationShare: 0.25 });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  id = created.body.dataset.id as string;
});
afterAll(() => env.dispose());

describe('POST /api/v1/datasets', () => {
  it('refuses a window that breaks the lag, and a window that ends before it starts', async () => {
    const recent = await post('/api/v1/datasets', { workload: 'dw', window: { from: T0, to: day(30) } });
    expect(recent.status).toBe(400);
    expect(recent.body.error).toMatch(/^window\.to: .*the lag requires at least 14 days/);
    const backwards = await post('/api/v1/datasets', {
      workload: 'dw',
      window: { from: day(2), to: day(1) },
    });
    expect(backwards).toEqual({ status: 400, body: { error: 'window.from: must be before window.to' } });
    const bad = await post('/api/v1/datasets', { workload: 'dw', window: WINDOW, sources: ['gold', 'gold'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/^sources: /);
  });

  it('freezes one member per near-duplicate group, gold and corrections by source, nothing of another project', async () => {
    const m = await members(id);
    const ids = m.map((r) => r.request_id);
    expect(ids.filter((r) => r === 'n0' || r === 'n1')).toEqual(['n0']);
    expect(ids).not.toContain('other');
    expect(ids).not.toContain('late');
    expect(ids).not.toContain('r0'); // regenerated: fails the gate, not reviewed
    expect(m.find((r) => r.request_id === 'g0')?.source).toBe('gold');
    expect(m.find((r) => r.request_id === 'c0')?.source).toBe('correction');
    expect(m.find((r) => r.request_id === 'i1')?.source).toBe('gate_passed');
    const groups = new Map<string, Set<string>>();
    for (const r of m)
      (groups.get(r.dup_key) ?? groups.set(r.dup_key, new Set()).get(r.dup_key)!).add(r.split);
    expect([...groups.values()].every((s) => s.size === 1)).toBe(true);
    const validation = m.filter((r) => r.split === 'validation').length;
    expect(validation).toBeGreaterThan(0.15 * m.length);
    expect(validation).toBeLessThan(0.35 * m.length);
  });

  it('is deterministic: the same inputs name the same dataset; another seed splits otherwise', async () => {
    const again = await post('/api/v1/datasets', { workload: 'dw', window: WINDOW, validationShare: 0.25 });
    expect(again.status).toBe(200);
    expect(again.body.dataset.id).toBe(id);
    const seeded = await post('/api/v1/datasets', {
      workload: 'dw',
      window: WINDOW,
      validationShare: 0.25,
      seed: 7,
    });
    expect(seeded.status).toBe(201);
    const [a, b] = [await members(id), await members(seeded.body.dataset.id as string)];
    expect(b.map((r) => r.request_id)).toEqual(a.map((r) => r.request_id));
    expect(b.map((r) => r.split)).not.toEqual(a.map((r) => r.split));
  });

  it('lists and describes datasets: counts by source and stratum, and no leak', async () => {
    const list = await get('/api/v1/datasets');
    expect(list.body.datasets.map((d: { id: string }) => d.id)).toContain(id);
    const { status, body } = await get(`/api/v1/datasets/${id}`);
    expect(status).toBe(200);
    const m = await members(id);
    const total = (xs: Array<{ count: number }>) => xs.reduce((s, x) => s + x.count, 0);
    expect(total(body.dataset.counts.bySource)).toBe(m.length);
    expect(total(body.dataset.counts.byStratum)).toBe(m.length);
    expect(body.dataset.counts.byStratum.map((c: { key: string }) => c.key)).toEqual(
      expect.arrayContaining(['dw|en', 'dw|de']),
    );
    expect(body.dataset.size).toEqual({
      train: m.filter((r) => r.split === 'train').length,
      validation: m.filter((r) => r.split === 'validation').length,
    });
    expect(body.dataset.leakage).toEqual({
      trainValidation: { sharedKeys: 0, requestIds: [] },
      golden: null,
    });
    expect((await get('/api/v1/datasets/nope')).status).toBe(404);
  });
});

describe('GET /api/v1/datasets/{id}/export', () => {
  it('sft: every line is an OpenAI chat example, the correction replacing the response', async () => {
    for (const split of ['train', 'validation']) {
      const text = (await exported(id, 'sft', split)).toString('utf8');
      const lines = text.trimEnd().split('\n');
      expect(lines).toHaveLength((await members(id)).filter((r) => r.split === split).length);
      for (const line of lines) {
        const example = JSON.parse(line) as { messages: Array<{ role: string; content: string }> };
        expect(Object.keys(example)).toEqual(['messages']);
        const roles = example.messages.map((m) => m.role);
        expect(roles.every((r) => ['system', 'user', 'assistant'].includes(r))).toBe(true);
        expect(roles.lastIndexOf('system')).toBeLessThanOrEqual(0);
        expect(roles.at(-1)).toBe('assistant');
        expect(roles.at(-2)).toBe('user');
        for (const m of example.messages) {
          expect(Object.keys(m)).toEqual(['role', 'content']);
          expect(m.content.length).toBeGreaterThan(0);
        }
        expect(line).not.toContain('Wrong answer.');
        expect(line).not.toContain('lookup');
      }
    }
    const all = `${(await exported(id, 'sft', 'train')).toString()}${(await exported(id, 'sft', 'validation')).toString()}`;
    expect(all).toContain('"content":"Corrected answer."');
    expect(all).toContain('{"role":"system","content":"Be brief."},{"role":"user","content":"Question 0?"}');
  });

  it('dpo: every line has TRL’s conversational keys and chosen ≠ rejected', async () => {
    const pairs: Array<{ prompt: unknown; chosen: string; rejected: string }> = [];
    for (const split of ['train', 'validation']) {
      const text = (await exported(id, 'dpo', split)).toString('utf8');
      for (const line of text.split('\n').filter(Boolean)) {
        const p = JSON.parse(line) as Record<string, Array<{ role: string; content: string }>>;
        expect(Object.keys(p)).toEqual(['prompt', 'chosen', 'rejected']);
        expect(p.prompt!.at(-1)!.role).toBe('user');
        for (const side of [p.chosen!, p.rejected!]) {
          expect(side).toHaveLength(1);
          expect(side[0]!.role).toBe('assistant');
        }
        expect(p.chosen![0]!.content).not.toBe(p.rejected![0]!.content);
        pairs.push({ prompt: p.prompt, chosen: p.chosen![0]!.content, rejected: p.rejected![0]!.content });
      }
    }
    expect(pairs.map((p) => [p.chosen, p.rejected]).sort()).toEqual([
      ['Corrected answer.', 'Wrong answer.'],
      ['Liked answer.', 'Disliked answer.'],
      ['Second try.', 'First try.'],
    ]);
  });

  it('parquet: written by the engine, read back with a row per member; the same bytes twice', async () => {
    for (const split of ['train', 'validation']) {
      const bytes = await exported(id, 'parquet', split);
      expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
      const file = join(env.dir, `${split}.parquet`);
      writeFileSync(file, bytes);
      const result = await env.storage.client.query({
        query: `SELECT count() AS c, countIf(length(messages) > 0 AND completion != '') AS ok FROM file({file:String}, Parquet)`,
        query_params: { file },
        format: 'JSONEachRow',
      });
      const n = (await members(id)).filter((r) => r.split === split).length;
      expect(await result.json()).toEqual([{ c: n, ok: n }]);
      expect((await exported(id, 'parquet', split)).equals(bytes)).toBe(true);
    }
    for (const format of ['sft', 'dpo'])
      expect((await exported(id, format, 'train')).equals(await exported(id, format, 'train'))).toBe(true);
  });

  it('refuses an unknown format or dataset', async () => {
    expect((await app.request(`/api/v1/datasets/${id}/export?format=csv`)).status).toBe(400);
    expect((await app.request('/api/v1/datasets/nope/export')).status).toBe(404);
  });
});

describe('leakage report', () => {
  it('catches two near-duplicates forced into both splits', async () => {
    const leaky = await post('/api/v1/datasets', { workload: 'dw', window: WINDOW, seed: 99 });
    const leakyId = leaky.body.dataset.id as string;
    await env.storage.client.insert({
      table: 'dataset_members',
      values: [
        {
          project_id: 'default',
          dataset_id: leakyId,
          request_id: 'n0',
          source: 'gate_passed',
          workload_id: 'dw',
          time: '2026-01-08 00:00:00',
          split: 'train',
          dup_key: 'dupA',
          stratum: 'dw|en',
        },
        {
          project_id: 'default',
          dataset_id: leakyId,
          request_id: 'n1',
          source: 'gate_passed',
          workload_id: 'dw',
          time: '2026-01-08 12:00:00',
          split: 'validation',
          dup_key: 'dupA',
          stratum: 'dw|en',
        },
      ],
      format: 'JSONEachRow',
    });
    const { body } = await get(`/api/v1/datasets/${leakyId}`);
    expect(body.dataset.leakage.trainValidation).toEqual({ sharedKeys: 1, requestIds: ['n0', 'n1'] });
  });

  it('takes a reviewer’s correction as the answer to learn (SFT) and the chosen side of a pair (DPO)', async () => {
    const correction = 'A reviewer’s better answer.';
    const review = {
      requestId: 'r0',
      reviewer: 'rv2',
      labels: { ...good, accuracy: false },
      correction,
      time: day(21),
    };
    expect((await post('/api/v1/reviews', review)).status).toBe(200);
    const created = await post('/api/v1/datasets', { workload: 'dw', window: WINDOW, seed: 42 });
    expect(created.status).toBe(201);
    const r0 = (await members(created.body.dataset.id)).find((m) => m.request_id === 'r0');
    expect(r0?.source).toBe('correction');
    const lines = (split: string, format: string) =>
      exported(created.body.dataset.id, format, split).then(
        (b) =>
          b
            .toString('utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as Record<string, any>), // eslint-disable-line @typescript-eslint/no-explicit-any
      );
    const sft = [...(await lines('train', 'sft')), ...(await lines('validation', 'sft'))];
    expect(sft.some((l) => l.messages.at(-1).content === correction)).toBe(true);
    const dpo = [...(await lines('train', 'dpo')), ...(await lines('validation', 'dpo'))];
    expect(dpo).toContainEqual(
      expect.objectContaining({
        chosen: [{ role: 'assistant', content: correction }],
        rejected: [{ role: 'assistant', content: 'First try.' }],
      }),
    );
  });

  it('checks a dataset against the workload’s golden sets', async () => {
    const golden = await post('/api/v1/datasets', {
      workload: 'dw',
      window: WINDOW,
      kind: 'golden',
      sources: ['gold'],
    });
    expect(golden.status).toBe(201);
    const { body } = await get(`/api/v1/datasets/${id}`);
    expect(body.dataset.leakage.golden).toEqual({
      datasets: [golden.body.dataset.id],
      sharedKeys: 2,
      requestIds: ['g0', 't0'],
    });
  });
});
