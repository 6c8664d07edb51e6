/**
 * What joining event-borne messages costs the reads of an interaction's text: synthetic interactions in
 * the embedded engine, the list page, the detail and a day of the explorer's CSV timed in-process
 * (`app.request`, warm, median of --runs) with `interaction_messages` empty, then again with one
 * operation-details event per interaction (as many event rows as interactions), then empty again; the
 * ratio is the second timing over the mean of the other two. If the join read the table's history, the
 * second timing would grow with it; it reads only the traces of the rows shown.
 * Also prints the granules of `interaction_messages` the detail's join reads (EXPLAIN indexes).
 *
 *   node --import tsx api/bench/interaction-messages.bench.ts [--rows 500000] [--runs 7]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { EVENT_GEN_AI_OPERATION_DETAILS } from '@flywheel/semconv';
import { createStorage } from '@flywheel/storage';
import { createApiApp } from '../src/app';
import { interactionRows } from '../src/queries/interaction-rows';
import type { InteractionKey } from '../src/queries/interactions';
import { loadInteractions } from './synthetic';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const ROWS = Number(arg('rows', '500000'));
const RUNS = Number(arg('runs', '7'));
const dir = mkdtempSync(join(tmpdir(), 'flywheel-messages-bench-'));
const storage = await createStorage({ engine: 'embedded', dataDir: join(dir, 'data'), database: 'default' });
await storage.migrate();
const client = storage.client;
const app = createApiApp({
  client,
  keys: parseKeys('p0:p0-benchmark-key-000'),
  writer: createRowWriter(client),
  counters: new IngestCounters(),
});
const headers = { authorization: 'Bearer p0-benchmark-key-000' };

const started = performance.now();
await loadInteractions(client, ROWS, 0, ROWS);
console.log(`loaded ${ROWS} interactions in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const [one] = await (
  await client.query({
    query: `SELECT request_id, trace_id FROM interactions WHERE project_id = 'p0' AND workload_id = 'w0'
            ORDER BY request_id LIMIT 1`,
    format: 'JSONEachRow',
  })
).json<{ request_id: string; trace_id: string }>();

const page = await (
  await client.query({
    query: `SELECT request_id AS requestId, toString(time) AS time, trace_id AS traceId, span_id AS spanId
            FROM interactions WHERE project_id = 'p0' AND workload_id = 'w0' ORDER BY time DESC LIMIT 50`,
    format: 'JSONEachRow',
  })
).json<InteractionKey>();

const CALLS: Record<string, () => Promise<unknown>> = {
  'text of a 50-row page (interactionRows)': () =>
    interactionRows(client, 'p0', page, new Map(), { conversation: true }),
  ...Object.fromEntries(
    Object.entries({
      'GET list page (50)': '/api/v1/interactions?workload=w0&limit=50',
      'GET detail': `/api/v1/interactions/${one!.request_id}`,
      'GET CSV, one day of w0':
        '/api/v1/interactions/export?workload=w0&from=2026-01-10T00:00:00Z&to=2026-01-11T00:00:00Z',
    }).map(([name, path]) => [
      name,
      async () => {
        const res = await app.request(path, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      },
    ]),
  ),
};

async function measure(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, call] of Object.entries(CALLS)) {
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const t = performance.now();
      await call();
      if (i > 0) times.push(performance.now() - t); // the first call warms the marks
    }
    times.sort((a, b) => a - b);
    out[name] = times[Math.floor(times.length / 2)]!;
  }
  return out;
}

const without = await measure();
const t = performance.now();
await client.command({
  query: `
    INSERT INTO interaction_messages (project_id, trace_id, span_id, event_id, time, event_name,
      input_messages, output_messages, system_instructions, pii_kinds, attributes)
    SELECT project_id, trace_id, span_id, '000000:bench', time, '${EVENT_GEN_AI_OPERATION_DETAILS}',
      '[{"role":"user","content":"An event-borne question?"}]',
      '[{"role":"assistant","content":"An event-borne answer."}]', 'Be brief.', [], map()
    FROM interactions`,
});
console.log(`inserted ${ROWS} operation-details events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const withEvents = await measure();
const plan = await (
  await client.query({
    query: `EXPLAIN indexes = 1
      SELECT span_id FROM interaction_messages
      WHERE project_id = 'p0' AND trace_id IN (
        SELECT trace_id FROM interactions WHERE project_id = 'p0' AND request_id IN {ids:Array(String)})`,
    query_params: { ids: [one!.request_id] },
    format: 'TabSeparatedRaw',
  })
).text();
const granules = plan
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l.startsWith('Granules:') || l.startsWith('PrimaryKey') || l.startsWith('Parts:'));
console.log(`\nthe detail's join over interaction_messages (EXPLAIN indexes): ${granules.join(' · ')}`);

await client.command({ query: 'TRUNCATE TABLE interaction_messages' });
const again = await measure();

console.log(
  '\nmedian ms, warm, on a shared machine (noisy)  no events   one per interaction   none again   ratio',
);
for (const name of Object.keys(CALLS)) {
  const [a, b, c] = [without[name]!, withEvents[name]!, again[name]!];
  const cells = [a, b, c].map((x, i) => x.toFixed(1).padStart([9, 19, 12][i]!));
  console.log(`${name.padEnd(44)} ${cells.join('   ')}   ${(b / ((a + c) / 2)).toFixed(2).padStart(5)}`);
}

await storage.close();
rmSync(dir, { recursive: true, force: true });
