/**
 * Dashboard reads while spans arrive: a running Flywheel (a child process, embedded engine) on a data
 * directory kept by `pnpm bench:api --rows N --keep DIR`, every GET the dashboard makes timed over HTTP
 * with no ingest, then while LLM spans arrive over OTLP at half the maximum rate measured in the same
 * run, on the same server.
 *
 *   pnpm bench:reads-under-ingest --data DIR [--runs 10] [--requests 40] [--batch 512]
 *
 * The spans are the ingest benchmark's (3.5 KB of text, about 20 attributes) for project p0, with event
 * times on the data's last day: live traffic lands in the open tail, which reads compute from raw rows,
 * so the tail grows while it is read. The half-rate phase sends a pool of `2 × requests` distinct bodies
 * over and over for as long as the reads take; a body sent again is stored again and collapses at the
 * next merge, as an exporter's retry would. The server's peak RSS is its own (VmHWM) after both phases.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { BENCHMARK_KEYS, benchmarkAuth, ENDPOINTS, percentile, SCOPES } from '../../api/bench/endpoints';
import { finished, spawnCli, started } from '../support/process';
import { emitLlmSpan, otlpBodies, textGenerator } from './llm-spans';
import { send } from './send';

const options = new Command()
  .requiredOption('--data <dir>', 'a data directory kept by `pnpm bench:api --keep`')
  .option('--runs <n>', 'timed calls of each read, after one untimed', '10')
  .option('--requests <n>', 'requests of spans at the maximum rate', '40')
  .option('--batch <n>', 'spans per request', '512')
  .option('--concurrency <n>', 'requests in flight at the maximum rate', '4')
  .parse()
  .opts<{ data: string; runs: string; requests: string; batch: string; concurrency: string }>();
const runs = Number(options.runs);
const requests = Number(options.requests);
const batch = Number(options.batch);

/** The synthetic data's last day (`api/bench/synthetic.ts`: 90 days from 2026-01-01). */
const LAST_DAY = Date.parse('2026-03-31T00:00:00Z');
const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

interface ReadTiming {
  scope: string;
  endpoint: string;
  p50: number;
  p95: number;
}

/** Every GET of the dashboard, both scopes: one untimed call, then `runs` timed ones each. */
async function timeReads(apiUrl: string, sample: string): Promise<ReadTiming[]> {
  const timings: ReadTiming[] = [];
  for (const [label, scope] of SCOPES) {
    for (const { method, name, path } of ENDPOINTS) {
      if (method !== 'GET') continue;
      const url = `${apiUrl}${path(scope, sample)}`;
      const warm: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const start = performance.now();
        const res = await fetch(url, { headers: benchmarkAuth('p0') });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
        if (i > 0) warm.push(performance.now() - start);
      }
      timings.push({ scope: label, endpoint: name, p50: percentile(warm, 50), p95: percentile(warm, 95) });
    }
  }
  return timings;
}

async function main() {
  console.log(`preparing ${requests} + ${2 * requests} requests of ${batch} LLM spans…`);
  const text = textGenerator(7);
  // Milliseconds apart on the last day, each pool with ids of its own.
  const at = (i: number) => LAST_DAY + 3_600_000 + i * 10;
  const maxBodies = await otlpBodies(requests, batch, (tracer, i) => emitLlmSpan(tracer, text, i, at(i)));
  const pool = await otlpBodies(2 * requests, batch, (tracer, i) =>
    emitLlmSpan(tracer, text, 20_000_000 + i, at(requests * batch + i)),
  );

  const server = spawnCli(['start', '--data', options.data, '--port', '0', '--otlp-port', '0'], {
    FLYWHEEL_KEYS: BENCHMARK_KEYS,
  });
  try {
    const { otlpUrl, apiUrl } = await started(server, 600_000);
    const traces = `${otlpUrl}/v1/traces`;
    const headers = { authorization: benchmarkAuth('p0').authorization };
    const page = await fetch(`${apiUrl}/api/v1/interactions?limit=1&workload=w1`, { headers });
    const sample = ((await page.json()) as { items: Array<{ requestId: string }> }).items[0]!.requestId;

    console.log('reads, no ingest…');
    const quiet = await timeReads(apiUrl, sample);
    console.log('ingest at the maximum rate…');
    const max = await send(traces, maxBodies, { concurrency: Number(options.concurrency) }, { headers });
    const maxRate = (requests * batch) / max.seconds;
    console.log(`reads while spans arrive at half of ${maxRate.toFixed(0)} spans/s…`);
    const stop = new AbortController();
    const cycled = Array.from({ length: 100_000 }, (_, i) => pool[i % pool.length]!);
    const ingest = send(
      traces,
      cycled,
      { intervalMs: (batch / (maxRate / 2)) * 1000 },
      { headers, signal: stop.signal },
    );
    const readsStarted = performance.now();
    const busy = await timeReads(apiUrl, sample);
    const readSeconds = (performance.now() - readsStarted) / 1000;
    stop.abort();
    const half = await ingest;
    const peak = peakRssMb(server.pid!);
    server.kill('SIGINT');
    await finished(server);

    console.log(
      '\n| scope | endpoint | p95 ms, no ingest | p95 ms, ingest at half rate | ratio |\n| --- | --- | --- | --- | --- |',
    );
    for (const q of quiet) {
      const b = busy.find((t) => t.scope === q.scope && t.endpoint === q.endpoint)!;
      console.log(
        `| ${q.scope} | ${q.endpoint} | ${q.p95.toFixed(0)} | ${b.p95.toFixed(0)} | ${(b.p95 / q.p95).toFixed(2)} |`,
      );
    }
    const sorted = [...half.latencies].sort((a, b) => a - b);
    console.log(
      `\ningest: maximum ${maxRate.toFixed(0)} spans/s (${requests} requests of ${batch}); during the reads ` +
        `${((half.latencies.length * batch) / readSeconds).toFixed(0)} spans/s acknowledged over ${readSeconds.toFixed(0)} s ` +
        `(offered ${(maxRate / 2).toFixed(0)}), request p50 ${percentile(sorted, 50).toFixed(0)} ms, ` +
        `p99 ${percentile(sorted, 99).toFixed(0)} ms, refused ${half.refused}`,
    );
    console.log(`server peak RSS (VmHWM): ${peak.toFixed(0)} MB`);
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
