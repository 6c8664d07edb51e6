/**
 * Ingest benchmark: spans through the HTTP endpoint of a running Flywheel (embedded chDB) in a child
 * process, against the engine's own insert rate for the same rows in this process.
 *
 *   pnpm bench:ingest [--requests 100] [--batch 512] [--concurrency 4] [--small-requests 100]
 *
 * Phases, in one run: 3.5 KB LLM spans at the maximum rate (closed loop, `--concurrency` requests in
 * flight); the same spans at half that rate (open loop: requests leave on a fixed schedule, however long
 * the earlier ones take), for latency; small spans (< 1 KB, no content) at the maximum rate; then the
 * engine alone inserting the LLM spans' rows (as the collector encodes them) into the same table and into
 * a lean table of the same columns as plain strings (the schema's own cost).
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { processBody } from '@flywheel/collector';
import { createStorage, insertJsonLines, type ClickHouseClient } from '@flywheel/storage';
import { finished, spawnCli, started } from '../support/process';
import { emitLlmSpan, emitSmallSpan, otlpBodies, textGenerator } from './llm-spans';
import { send, type Sent } from './send';

const options = new Command()
  .option('--requests <n>', 'requests of LLM spans at the maximum rate', '100')
  .option('--batch <n>', 'spans per request', '512')
  .option('--concurrency <n>', 'requests in flight at the maximum rate', '4')
  .option('--small-requests <n>', 'requests of small spans', '100')
  .parse()
  .opts<{ requests: string; batch: string; concurrency: string; smallRequests: string }>();
const requests = Number(options.requests);
const batch = Number(options.batch);
const concurrency = Number(options.concurrency);
const smallRequests = Number(options.smallRequests);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
/** CPU seconds the process has used, every thread (workers and the engine's) included. */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
};
const T0 = Date.parse('2026-11-01T00:00:00Z');

const bodiesOf = (count: number, emit: Parameters<typeof otlpBodies>[2]) => otlpBodies(count, batch, emit);

interface PhaseResult {
  phase: string;
  spans: number;
  'bytes/span': number;
  'spans/s': number;
  'MB/s': number;
  'p50 ms': number;
  'p99 ms': number;
  'refused (429/503)': number;
  'server CPU µs/span': number;
}

function summarize(phase: string, bodies: Uint8Array[], sent: Sent, cpu: number): PhaseResult {
  const bytes = bodies.reduce((n, b) => n + b.length, 0);
  const latencies = [...sent.latencies].sort((a, b) => a - b);
  return {
    phase,
    spans: bodies.length * batch,
    'bytes/span': Math.round(bytes / (bodies.length * batch)),
    'spans/s': Math.round((bodies.length * batch) / sent.seconds),
    'MB/s': +(bytes / 1e6 / sent.seconds).toFixed(1),
    'p50 ms': +quantile(latencies, 0.5).toFixed(1),
    'p99 ms': +quantile(latencies, 0.99).toFixed(1),
    'refused (429/503)': sent.refused,
    'server CPU µs/span': Math.round((cpu * 1e6) / (bodies.length * batch)),
  };
}

/** The engine alone: rows inserted `perInsert` at a time, already encoded; rows/s and CPU µs per row. */
async function engineRate(client: ClickHouseClient, table: string, lines: Uint8Array[][], perInsert: number) {
  const rows = lines.flat();
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < rows.length; i += perInsert)
    await insertJsonLines(client, table as 'interactions', Buffer.concat(rows.slice(i, i + perInsert)));
  const used = process.cpuUsage(cpu);
  return {
    rate: rows.length / ((performance.now() - started) / 1000),
    cpuPerRow: (used.user + used.system) / rows.length,
  };
}

function table(rows: object[]): string {
  const keys = Object.keys(rows[0]!);
  const line = (values: unknown[]) => `| ${values.join(' | ')} |`;
  return [line(keys), line(keys.map(() => '---')), ...rows.map((r) => line(Object.values(r)))].join('\n');
}

async function main() {
  console.log(`preparing ${requests} requests of ${batch} LLM spans and ${smallRequests} of small spans…`);
  const text = textGenerator(42);
  const llm = await bodiesOf(requests, (tracer, i) => emitLlmSpan(tracer, text, i, T0 + i * 1000));
  // The half-rate phase sends other spans (other ids), so nothing it stores collapses into the first.
  const halfCount = Math.max(10, Math.floor(requests / 2));
  const half = await bodiesOf(halfCount, (tracer, i) =>
    emitLlmSpan(tracer, text, 10_000_000 + i, T0 + i * 1000 + 1),
  );
  const small = await bodiesOf(smallRequests, (tracer, i) => emitSmallSpan(tracer, i, T0 + i * 1000));

  const dir = mkdtempSync(join(tmpdir(), 'flywheel-bench-'));
  const server = spawnCli(['start', '--data', join(dir, 'server'), '--port', '0', '--otlp-port', '0']);
  const results: PhaseResult[] = [];
  let serverPeakRss = 0;
  try {
    const { otlpUrl } = await started(server);
    const url = `${otlpUrl}/v1/traces`;
    // CPU time is the figure a busy machine distorts least: wall-clock rates fall with other load.
    const phase = async (name: string, bodies: Uint8Array[], how: Parameters<typeof send>[2]) => {
      const cpu = cpuSeconds(server.pid!);
      const sent = await send(url, bodies, how);
      return summarize(name, bodies, sent, cpuSeconds(server.pid!) - cpu);
    };
    // The workers load their modules at start; one request first, so the phase measures ingest.
    await send(url, small.slice(0, 1), { concurrency: 1 });
    const max = await phase('LLM spans, maximum rate', llm, { concurrency });
    results.push(max);
    serverPeakRss = peakRssMb(server.pid!);
    const interval = (batch / (max['spans/s'] / 2)) * 1000;
    results.push(await phase('LLM spans, half that rate', half, { intervalMs: interval }));
    results.push(await phase('small spans, maximum rate', small, { concurrency }));
    server.kill('SIGINT');
    await finished(server);
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
  }

  // The engine alone, in this process: the LLM spans' rows as the collector's workers encode them.
  const encoded = await Promise.all(
    llm.map(async (body) => {
      const result = await processBody({ body, encoding: 'protobuf', projectId: 'default' });
      if (!('processed' in result)) throw new Error(result.refused.message);
      const { bytes, ends } = result.processed.rows.interactions;
      return Array.from(ends, (end, i) => bytes.subarray(i === 0 ? 0 : ends[i - 1]!, end));
    }),
  );
  const storage = createStorage({ engine: 'embedded', dataDir: join(dir, 'engine'), database: 'default' });
  let engine: Record<'insert512' | 'insertLarge' | 'lean', { rate: number; cpuPerRow: number }>;
  try {
    await storage.migrate();
    const columns = Object.keys(JSON.parse(Buffer.from(encoded[0]![0]!).toString('utf8')) as object);
    await storage.client.command({
      query: `CREATE TABLE lean (${columns.map((c) => `${c} String`).join(', ')}) ENGINE = MergeTree ORDER BY tuple()`,
    });
    const insert512 = await engineRate(storage.client, 'interactions', encoded, batch);
    // The second pass re-inserts the same keys: ReplacingMergeTree keeps them apart until a merge.
    const insertLarge = await engineRate(storage.client, 'interactions', encoded, batch * 10);
    const lean = await engineRate(storage.client, 'lean', encoded, batch);
    engine = { insert512, insertLarge, lean };
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const best = Math.max(engine.insert512.rate, engine.insertLarge.rate);
  const max = results[0]!;
  const summary = {
    'server peak RSS MB': Math.round(serverPeakRss),
    [`engine rows/s (${batch}/insert)`]: Math.round(engine.insert512.rate),
    [`engine rows/s (${batch * 10}/insert)`]: Math.round(engine.insertLarge.rate),
    [`engine rows/s, lean table (${batch}/insert)`]: Math.round(engine.lean.rate),
    'HTTP / engine ratio (best engine figure)': +(max['spans/s'] / best).toFixed(2),
    [`engine CPU µs/row (${batch}/insert)`]: Math.round(engine.insert512.cpuPerRow),
    [`engine CPU µs/row, lean table`]: Math.round(engine.lean.cpuPerRow),
  };
  console.table(results);
  console.table(summary);
  console.log(`\n${table(results)}\n\n${table([summary])}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
