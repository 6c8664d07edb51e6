import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { EVENT_GEN_AI_OPERATION_DETAILS } from '@flywheel/semconv';
import {
  insertInteractions,
  insertSignals,
  type InteractionMessagesRow,
  type InteractionRow,
  type SignalRow,
} from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { at, interaction, plusDays, signal } from '../fixtures/rows';
import { similarResponsePairs } from './similar-responses';

// Every reader of an interaction's text against one set of spans and events: the span's text wins per
// side, else the last operation-details event, else the per-message events in the order sent (each once
// however often delivered); another project's events never join.

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const T0 = '2026-03-02T00:00:00Z';
const day = (d: number) => plusDays(T0, d);
const WINDOW = { from: T0, to: day(7) };
const good = { accuracy: true, helpfulness: true, safety: true };
const NO_TEXT = { prompt: '', response: '', input_messages: '' };

const rows: InteractionRow[] = [];
const sigs: SignalRow[] = [];
const events: InteractionMessagesRow[] = [];
const span = (id: string, d: number, fields: Partial<InteractionRow> = {}) => {
  const row = interaction(id, day(d), { workload_id: 'mw', ...fields });
  rows.push(row);
  sigs.push(signal(id, 'accepted', plusDays(day(d), 0.01)));
  return row;
};
const messages = (...m: Array<[string, string]>) =>
  JSON.stringify(m.map(([role, content]) => ({ role, content })));
const event = (
  of: InteractionRow,
  eventId: string,
  eventName: string,
  text: { input?: string; output?: string; system?: string },
  projectId = 'default',
) =>
  events.push({
    project_id: projectId,
    trace_id: of.trace_id,
    span_id: of.span_id,
    event_id: eventId,
    time: of.time,
    event_name: eventName,
    input_messages: text.input ?? '',
    output_messages: text.output ?? '',
    system_instructions: text.system ?? '',
    attributes: {},
  });

// The span has its own text: the event's is not shown.
const own = span('own', 1, { prompt: 'Span question?', response: 'Span answer.' });
event(own, '000000:a', EVENT_GEN_AI_OPERATION_DETAILS, {
  input: messages(['user', 'Event question?']),
  output: messages(['assistant', 'Event answer.']),
});
// No text on the span: an operation-details event with system instructions.
const details = span('details', 1.1, NO_TEXT);
event(details, '000000:b', EVENT_GEN_AI_OPERATION_DETAILS, {
  system: 'Answer in one word.',
  input: messages(['user', 'Earlier?'], ['assistant', 'Yes.'], ['user', 'Capital of France?']),
  output: messages(['assistant', 'Paris.']),
});
// Per-message events, the choice stored first and the user message delivered twice.
const parts = span('parts', 1.2, NO_TEXT);
event(parts, '000002:c', 'gen_ai.choice', { output: messages(['assistant', 'Hello!']) });
event(parts, '000000:d', 'gen_ai.system.message', { input: messages(['system', 'Be kind.']) });
event(parts, '000001:e', 'gen_ai.user.message', { input: messages(['user', 'Hi?']) });
// Per-message events and two operation-details events: the last operation-details event wins.
const both = span('both', 1.3, NO_TEXT);
event(both, '000000:f', 'gen_ai.user.message', { input: messages(['user', 'Per message?']) });
event(both, '000000:g', EVENT_GEN_AI_OPERATION_DETAILS, {
  input: messages(['user', 'First try?']),
  output: messages(['assistant', 'First.']),
});
event(both, '000001:h', EVENT_GEN_AI_OPERATION_DETAILS, {
  input: messages(['user', 'Second try?']),
  output: messages(['assistant', 'Second.']),
});
// The span asked, the event answered: each side from where it is.
const half = span('half', 1.4, { prompt: 'Span asks?', response: '', input_messages: '' });
event(half, '000000:i', EVENT_GEN_AI_OPERATION_DETAILS, {
  input: messages(['user', 'Event asks?']),
  output: messages(['assistant', 'Event answers.']),
});
// Another project's event on the same trace and span: never joined.
const bare = span('bare', 1.5, NO_TEXT);
event(
  bare,
  '000000:j',
  EVENT_GEN_AI_OPERATION_DETAILS,
  { output: messages(['assistant', 'Not yours.']) },
  'elsewhere',
);
// Thumbs on the same event-borne prompt: a preference pair.
for (const [id, d, kind, answer] of [
  ['up', 2, 'thumbs_up', 'Liked.'],
  ['down', 2.5, 'thumbs_down', 'Disliked.'],
] as const) {
  const row = interaction(id, day(d), { workload_id: 'mw', ...NO_TEXT });
  rows.push(row);
  sigs.push(signal(id, kind, plusDays(day(d), 0.01)));
  event(row, '000000:k', EVENT_GEN_AI_OPERATION_DETAILS, {
    input: messages(['user', 'Same question?']),
    output: messages(['assistant', answer]),
  });
}
// Compare's samples: version v2 answers the same event-borne question.
const v2 = span('v2', 3, { ...NO_TEXT, model_version: 'v2' });
event(v2, '000000:l', EVENT_GEN_AI_OPERATION_DETAILS, {
  input: messages(['user', 'Capital of France?']),
  output: messages(['assistant', 'Paris, France.']),
});
// The project's latest event time.
span('late', 40);

const request = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return text;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (method: string, path: string, body?: unknown): Promise<any> =>
  JSON.parse(await request(method, path, body));
const detail = async (id: string) => (await json('GET', `/api/v1/interactions/${id}`)).item;

let datasetId = '';
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
  const insertEvents = (values: InteractionMessagesRow[]) =>
    env.storage.client.insert({ table: 'interaction_messages', values, format: 'JSONEachRow' });
  await insertEvents(events);
  // A re-delivery, in an insert of its own (one insert would collapse it on the way in).
  await insertEvents(events.filter((e) => e.event_id === '000001:e'));
  for (const requestId of ['details', 'up'])
    await json('POST', '/api/v1/reviews', { requestId, reviewer: 'rv', labels: good, time: day(20) });
  const created = await json('POST', '/api/v1/datasets', {
    workload: 'mw',
    window: WINDOW,
    validationShare: 0,
  });
  datasetId = created.dataset.id as string;
});
afterAll(() => env.dispose());

describe('the interaction detail', () => {
  it('takes the span’s text when it has some, else the events’, per side', async () => {
    expect(await detail('own')).toMatchObject({
      prompt: 'Span question?',
      response: 'Span answer.',
      inputMessages: [{ role: 'user', content: 'Span question?' }],
      outputMessages: [{ role: 'assistant', content: 'Span answer.' }],
      systemInstructions: '',
      messagesFrom: 'span',
    });
    expect(await detail('details')).toMatchObject({
      prompt: 'Capital of France?',
      response: 'Paris.',
      systemInstructions: 'Answer in one word.',
      inputMessages: [
        { role: 'user', content: 'Earlier?' },
        { role: 'assistant', content: 'Yes.' },
        { role: 'user', content: 'Capital of France?' },
      ],
      outputMessages: [{ role: 'assistant', content: 'Paris.' }],
      messagesFrom: 'events',
    });
    expect(await detail('half')).toMatchObject({
      prompt: 'Span asks?',
      response: 'Event answers.',
      inputMessages: [{ role: 'user', content: 'Span asks?' }],
      messagesFrom: 'span',
    });
  });

  it('orders per-message events as sent, reads each once, and lets an operation-details event win', async () => {
    expect(await detail('parts')).toMatchObject({
      prompt: 'Hi?',
      response: 'Hello!',
      systemInstructions: 'Be kind.',
      inputMessages: [
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: 'Hi?' },
      ],
      outputMessages: [{ role: 'assistant', content: 'Hello!' }],
    });
    expect(await detail('both')).toMatchObject({
      prompt: 'Second try?',
      response: 'Second.',
      inputMessages: [{ role: 'user', content: 'Second try?' }],
    });
  });

  it('never joins another project’s events', async () => {
    expect(await detail('bare')).toMatchObject({
      prompt: '',
      response: '',
      inputMessages: [],
      outputMessages: [],
      messagesFrom: 'none',
    });
  });

  it('shows the same text in the list, without the messages', async () => {
    const list = await json('GET', `/api/v1/interactions?workload=mw&from=${WINDOW.from}&to=${WINDOW.to}`);
    const byId = new Map(list.items.map((i: { requestId: string }) => [i.requestId, i]));
    expect(byId.get('details')).toMatchObject({ prompt: 'Capital of France?', response: 'Paris.' });
    expect(byId.get('details')).not.toHaveProperty('inputMessages');
  });

  it('finds the events’ text with the explorer’s search', async () => {
    const search = async (q: string) =>
      (
        await json(
          'GET',
          `/api/v1/interactions?workload=mw&q=${encodeURIComponent(q)}&from=${WINDOW.from}&to=${WINDOW.to}`,
        )
      ).items.map((i: { requestId: string }) => i.requestId);
    expect(await search('capital of')).toEqual(['v2', 'details']);
    expect(await search('answer in one WORD')).toEqual(['details']);
    expect(await search('span question')).toEqual(['own']);
    expect(await search('not yours')).toEqual([]);
  });
});

describe('exports and curation', () => {
  it('the explorer’s CSV carries the events’ text', async () => {
    const csv = await request(
      'GET',
      `/api/v1/interactions/export?workload=mw&from=${WINDOW.from}&to=${WINDOW.to}`,
    );
    expect(csv).toContain('"Capital of France?","Paris."');
    expect(csv).toContain('"Span question?","Span answer."');
    expect(csv).toContain('"Span asks?","Event answers."');
    expect(csv).not.toContain('Event question?');
    expect(csv).not.toContain('Not yours.');
  });

  it('SFT lines hold the events’ conversation, system instructions first; the same bytes twice', async () => {
    const path = `/api/v1/datasets/${datasetId}/export?format=sft&split=train`;
    const text = await request('GET', path);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { messages: Array<{ role: string; content: string }> });
    expect(lines).toContainEqual({
      messages: [
        { role: 'system', content: 'Answer in one word.' },
        { role: 'user', content: 'Earlier?' },
        { role: 'assistant', content: 'Yes.' },
        { role: 'user', content: 'Capital of France?' },
        { role: 'assistant', content: 'Paris.' },
      ],
    });
    expect(lines).toContainEqual({
      messages: [
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: 'Hi?' },
        { role: 'assistant', content: 'Hello!' },
      ],
    });
    expect(text).not.toContain('Event question?');
    expect(await request('GET', path)).toBe(text);
  });

  it('DPO pairs the events’ answers to the same prompt', async () => {
    const text = await request('GET', `/api/v1/datasets/${datasetId}/export?format=dpo&split=train`);
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toContainEqual({
      prompt: [{ role: 'user', content: 'Same question?' }],
      chosen: [{ role: 'assistant', content: 'Liked.' }],
      rejected: [{ role: 'assistant', content: 'Disliked.' }],
    });
  });

  it('gold examples and golden sets take the approved answer from the events', async () => {
    const similar = await json('GET', '/api/v1/examples/similar?workload=mw&text=capital%20of%20France');
    expect(similar.examples).toContainEqual(
      expect.objectContaining({ requestId: 'details', text: 'Capital of France?', expected: 'Paris.' }),
    );
    const golden = await json('POST', '/api/v1/golden-sets', {
      name: 'mw-golden',
      workload: 'mw',
      window: WINDOW,
      at: day(30),
    });
    const result = await env.storage.client.query({
      query: `SELECT request_id, expected FROM dataset_members FINAL WHERE dataset_id = {id:String} ORDER BY request_id`,
      query_params: { id: golden.goldenSet.id },
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([
      { request_id: 'details', expected: 'Paris.' },
      { request_id: 'up', expected: 'Liked.' },
    ]);
  });

  it('compare pairs responses to similar prompts by the events’ text', async () => {
    const pairs = await similarResponsePairs(env.storage.client, {
      projectId: 'default',
      workload: 'mw',
      versions: ['v1', 'v2'],
      baseline: 'v1',
      candidate: 'v2',
      from: at(WINDOW.from),
      to: at(WINDOW.to),
      limit: 1,
    });
    expect(pairs).toEqual([
      expect.objectContaining({
        similarity: 1,
        baseline: expect.objectContaining({ requestId: 'details', response: 'Paris.' }),
        candidate: expect.objectContaining({ requestId: 'v2', response: 'Paris, France.' }),
      }),
    ]);
  });
});
