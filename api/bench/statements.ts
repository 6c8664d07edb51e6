/**
 * Where one API request spends its time: every engine statement it runs, with the function that ran it
 * and its milliseconds, over a data directory kept by `pnpm bench:api --rows N --keep DIR`.
 *
 *   node --import tsx api/bench/statements.ts --data DIR [--runs 3] [--key PROJECT:KEY] [--alone] PATH...
 *
 * PATH is a request path with its query (`/api/v1/velocity?workload=w1`), asked as the key's project
 * (the benchmark's p0 by default). Each
 * path runs once to warm the caches, then `--runs` times; the last run's statements are printed in
 * the order they started, with their start offset, so overlapping (parallel) statements show as such.
 * `--alone` then runs each of those queries again by itself, twice, and prints the faster time: what
 * the statement costs without the request's other statements sharing the two cores.
 */
import { join } from 'node:path';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { createStorage } from '@flywheel/storage';
import { createApiApp } from '../src/app';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const [value] = argv.splice(i, 2).slice(1);
  return value ?? fallback;
};
const dataDir = option('data', '');
const runs = Number(option('runs', '3'));
const aloneAt = argv.indexOf('--alone');
const alone = aloneAt >= 0;
if (alone) argv.splice(aloneAt, 1);
const [project, key] = option('key', 'p0:p0-benchmark-key-000').split(':') as [string, string];
if (!dataDir || argv.length === 0) {
  console.error('usage: statements.ts --data DIR [--runs N] [--alone] PATH...');
  process.exit(2);
}

interface Statement {
  caller: string;
  start: number;
  ms: number;
  /** A query's own arguments, to run it again by itself. */
  query?: unknown;
}
let log: Statement[] = [];
let origin = 0;

/** The first stack frame in the API's own code outside this file: the function that ran the statement. */
function caller(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(2);
  const own = frames.find((f) => f.includes('/api/src/') && !f.includes('node_modules'));
  const match = own ? /at (?:async )?(\S+) \(.*\/api\/src\/(.*?):(\d+):\d+\)/.exec(own) : null;
  return match ? `${match[1]} (${match[2]}:${match[3]})` : (own?.trim() ?? '?');
}

const storage = createStorage({ engine: 'embedded', dataDir: join(dataDir, 'data'), database: 'default' });
const client = storage.client;
const unwrappedQuery = client.query.bind(client);
for (const method of ['query', 'command', 'insert'] as const) {
  const original = (client[method] as (...a: unknown[]) => Promise<unknown>).bind(client);
  (client as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
    const entry: Statement = { caller: caller(), start: performance.now() - origin, ms: 0 };
    if (method === 'query') entry.query = args[0];
    const result = await original(...args);
    // A query's time runs until its rows are read: wrap `json()` / `text()` when present.
    const r = result as { json?: () => Promise<unknown>; text?: () => Promise<unknown> };
    const finish = () => {
      entry.ms = performance.now() - origin - entry.start;
      log.push(entry);
    };
    for (const read of ['json', 'text'] as const) {
      const f = r?.[read];
      if (typeof f === 'function')
        (r as Record<string, unknown>)[read] = async () => {
          const out = await f.call(r);
          finish();
          return out;
        };
    }
    if (method !== 'query') finish();
    return result;
  };
}

const app = createApiApp({
  client,
  keys: parseKeys(`${project}:${key}`),
  writer: createRowWriter(client),
  counters: new IngestCounters(),
});

for (const path of argv) {
  let total = 0;
  for (let i = 0; i <= runs; i++) {
    log = [];
    origin = performance.now();
    const res = await app.request(path, { headers: { authorization: `Bearer ${key}` } });
    await res.arrayBuffer();
    total = performance.now() - origin;
    if (res.status >= 300) throw new Error(`${path}: ${res.status}`);
  }
  console.log(`\n${path}: ${total.toFixed(0)} ms, ${log.length} statements`);
  for (const s of log.sort((a, b) => a.start - b.start)) {
    const own = alone && s.query ? ` ${(await aloneMs(s.query)).toFixed(0).padStart(5)} ms alone` : '';
    console.log(
      `  +${s.start.toFixed(0).padStart(5)} ms ${s.ms.toFixed(0).padStart(5)} ms${own}  ${s.caller}`,
    );
  }
}

/** The faster of two runs of one query with nothing else running, its rows read. */
async function aloneMs(query: unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    const result = await unwrappedQuery(query as Parameters<typeof unwrappedQuery>[0]);
    await result.text();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
await storage.close();
