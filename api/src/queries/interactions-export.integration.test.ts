import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { interactionFilter, type InteractionSearch } from '../analytics/interactions';
import { EARLIEST, LATEST } from '../analytics/time';
import { interaction, plusDays, signal } from '../fixtures/rows';
import { exportInteractionsCsv, EXPORT_PAGING } from './interactions-export';
import { exportPageCsv, exportPageEnd } from './interactions-export-pages';

// The paged CSV export against the whole export read as one page (the single query it replaced): the
// same bytes however the pages fall, over rows that tie on time, text the CSV has to quote, duplicates
// the engine has not merged, signals, filters and no rows at all.
let env: Awaited<ReturnType<typeof openTempStorage>>;
const T0 = '2026-05-04T00:00:00Z';
const HUGE = 'req-07';
const rows: InteractionRow[] = [];
const sigs: SignalRow[] = [];
for (let i = 0; i < 40; i++) {
  const id = `req-${String(i).padStart(2, '0')}`;
  // Three rows a time: the order falls back on trace and span ids, and a page may end inside a tie.
  const time = plusDays(T0, Math.floor(i / 3) / 10);
  const prompt =
    i % 4 === 0
      ? `Account ${i}, "the old one",\nwith a second line\r\nand a third`
      : `How do I reset the password of account ${i}?`;
  rows.push(
    interaction(id, time, {
      workload_id: i % 5 === 4 ? 'other' : 'chat',
      model_version: i < 20 ? 'v1' : 'v2',
      user_id: `user-${i % 3}`,
      prompt,
      response: i % 6 === 0 ? `Yes, "quoted", and ""doubled""\n${i}` : `answer ${i}`,
      prompt_chars: id === HUGE ? 50_000_000 : prompt.length,
    }),
  );
  if (i % 3 !== 2) sigs.push(signal(id, i % 2 === 0 ? 'accepted' : 'regenerated', plusDays(time, 0.01)));
  if (i % 7 === 0) sigs.push(signal(id, 'thumbs_up', plusDays(time, 0.02)));
}

const filterOf = (search: Partial<InteractionSearch> = {}) =>
  interactionFilter(env.storage.client, {
    projectId: 'default',
    from: EARLIEST,
    to: LATEST,
    asOf: LATEST,
    ...search,
  });

async function bytesOf(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The whole export as one page: what the single query wrote. */
async function singleQuery(search: Partial<InteractionSearch> = {}): Promise<string> {
  const filter = await filterOf(search);
  return (
    await exportPageCsv(env.storage.client, filter, { below: null, atLeast: null, header: true })
  ).toString('utf8');
}

async function paged(search: Partial<InteractionSearch>, paging = EXPORT_PAGING): Promise<string> {
  return bytesOf(await exportInteractionsCsv(env.storage.client, await filterOf(search), paging));
}

const ONE_ROW_PAGES = { startRows: 1_000, maxRows: 1_000, pageBytes: 1 };
const FEW_ROW_PAGES = { startRows: 2, maxRows: 4, pageBytes: 1_000_000_000 };

beforeAll(async () => {
  env = await openTempStorage();
  await insertInteractions(env.storage.client, rows);
  // Re-deliveries the engine has not merged: each row is still exported once.
  await insertInteractions(env.storage.client, rows.slice(0, 12));
  await insertSignals(env.storage.client, sigs);
});
afterAll(() => env.dispose());

describe('exportInteractionsCsv', () => {
  it('writes the bytes of the single query however the pages fall', async () => {
    const whole = await singleQuery();
    expect(whole.startsWith('"request_id","time","workload"')).toBe(true);
    for (const row of rows) expect(whole.split(`\n"${row.request_id}",`)).toHaveLength(2);
    expect(whole).toContain('"Account 0, ""the old one"",\nwith a second line\r\nand a third"');
    for (const paging of [ONE_ROW_PAGES, FEW_ROW_PAGES, EXPORT_PAGING]) {
      expect(await paged({}, paging)).toBe(whole);
    }
  });

  it.each<Partial<InteractionSearch>>([
    { workload: 'chat', modelVersion: 'v2' },
    { outcome: 'failure' },
    { outcome: 'unknown' },
    { text: 'THE OLD ONE' },
    { from: '2026-05-04 07:12:00.000000', to: '2026-05-05 00:00:00.000000' },
  ])('keeps the filter %j', async (search) => {
    const whole = await singleQuery(search);
    expect(whole.split('\n').length).toBeGreaterThan(2);
    expect(await paged(search, ONE_ROW_PAGES)).toBe(whole);
    expect(await paged(search, FEW_ROW_PAGES)).toBe(whole);
  });

  it('writes the header alone when nothing is selected, as the single query does', async () => {
    const whole = await singleQuery({ workload: 'none' });
    expect(whole).toBe(
      '"request_id","time","workload","model_version","user_id","outcome","signals","latency_ms","output_tokens","prompt","response"\n',
    );
    expect(await paged({ workload: 'none' }, ONE_ROW_PAGES)).toBe(whole);
  });

  it('ends a page before a row its size estimate would take past the budget, a huge row alone', async () => {
    const filter = await filterOf();
    const page = { rows: 100, bytes: 1024 * 1024 };
    const sizes: number[] = [];
    let below = null;
    for (;;) {
      const end = await exportPageEnd(env.storage.client, filter, { below, ...page });
      if (!end) break;
      const csv = (
        await exportPageCsv(env.storage.client, filter, { below, atLeast: end.end, header: false })
      ).toString('utf8');
      if (csv.includes(HUGE)) expect(csv).toMatch(new RegExp(`^"${HUGE}",[^\\n]*\\n$`));
      sizes.push(end.rows);
      below = end.end;
      if (end.last) break;
    }
    // The rows before the 50 M characters, that row alone, the rows after it.
    expect(sizes).toHaveLength(3);
    expect(sizes[1]).toBe(1);
    expect(sizes.reduce((a, b) => a + b)).toBe(40);
  });

  it('reads no further page once the stream is destroyed', async () => {
    let queries = 0;
    const client = env.storage.client;
    const counting = new Proxy(client, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if ((prop === 'query' || prop === 'exec') && typeof value === 'function') {
          return (...args: unknown[]) => {
            queries++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return value;
      },
    });
    const stream = await exportInteractionsCsv(counting, await filterOf(), ONE_ROW_PAGES);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.return?.();
    // A page already being read when the client left completes; none is started after it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = queries;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.destroyed).toBe(true);
    expect(queries).toBe(after);
    // Two queries a page, one page a row: far from the 80 the whole export takes.
    expect(after).toBeLessThanOrEqual(6);
  });
});
