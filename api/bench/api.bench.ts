/**
 * Analytics API benchmark: loads synthetic traffic into the embedded engine (the read model's views fill
 * as the rows are inserted), restarts, times the read-model catch-up, then times every endpoint
 * in-process (`app.request`, no network) for one workload and for a whole project, cold (first call
 * after reopening the engine) and warm (repeated calls). At the smallest size the same calls are timed
 * first on raw rows alone (nothing sealed yet: the reference path), side by side.
 *
 *   node --import tsx api/bench/api.bench.ts [--rows 1000000,10000000] [--runs 10] [--keep DIR]
 *
 * Each size runs in its own process (chDB binds one data directory per process); the parent prints the
 * p95 ratio between the largest and the smallest size.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { createStorage, type Storage } from '@flywheel/storage';
import { createApiApp } from '../src/app';
import { maintainReadModel } from '../src/read-model/maintain';
import {
  BENCHMARK_KEYS,
  benchmarkAuth,
  ENDPOINTS,
  percentile,
  SAMPLE_REQUEST_SQL,
  SCOPES,
} from './endpoints';
import { DAYS, loadInteractions, loadLabels, loadSignals, PROJECTS, WORKLOADS } from './synthetic';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const SIZES = arg('rows', '1000000,10000000').split(',').map(Number);
const ROWS = SIZES[0]!;
const RESULTS_FILE = arg('results', '');
const WITH_RAW = process.argv.includes('--raw');
const RUNS = Number(arg('runs', '10'));
const CHUNK = 1_000_000;

const dir = arg('keep', '') || mkdtempSync(join(tmpdir(), 'flywheel-api-bench-'));
const open = () => createStorage({ engine: 'embedded', dataDir: join(dir, 'data'), database: 'default' });
const hwmMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
/**
 * Starts the peak RSS over again from the current RSS (Linux: writing 5 to clear_refs resets VmHWM), so
 * that the reads' peak is not the load's. Returns false where the kernel does not allow it.
 */
const resetHwm = () => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
};
const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(1);

async function load(storage: Storage) {
  const client = storage.client;
  const started = performance.now();
  for (let from = 0; from < ROWS; from += CHUNK) {
    const count = Math.min(CHUNK, ROWS - from);
    await loadInteractions(client, ROWS, from, count);
    await loadSignals(client, ROWS, from, count);
    await loadLabels(client, ROWS, from, count);
    process.stdout.write(`\rloaded ${from + count} of ${ROWS} interactions (${seconds(started)} s)`);
  }
  process.stdout.write('\n');
  const app = appFor(storage);
  // Two cycles per workload and project: v2 deployed on day 30, v3 on day 60; evals for each version.
  const day = (d: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + d * 86_400_000).toISOString();
  for (const project of PROJECTS) {
    for (const workload of WORKLOADS) {
      for (const [version, parent, d] of [
        ['v2', 'v1', 30],
        ['v3', 'v2', 60],
      ] as const) {
        const res = await app.request('/api/v1/cycles', {
          method: 'POST',
          headers: benchmarkAuth(project),
          body: JSON.stringify({
            id: `${workload}-${version}`,
            workloadId: workload,
            modelVersion: version,
            parentVersion: parent,
            dataWindow: { from: day(d - 30), to: day(d - 15) },
            status: 'deployed',
            deployedAt: day(d),
          }),
        });
        if (res.status !== 201) throw new Error(`cycle: ${res.status} ${await res.text()}`);
      }
    }
    const evals = ['v1', 'v2', 'v3'].map((v, i) => ({
      modelVersion: v,
      goldenSet: 'golden',
      score: 0.6 + i * 0.05,
      time: day(i * 30 + 25),
    }));
    await app.request('/api/v1/evals', {
      method: 'POST',
      headers: benchmarkAuth(project),
      body: JSON.stringify({ evals }),
    });
  }
  const counts = await client.query({
    query: `SELECT (SELECT count() FROM interactions) AS i, (SELECT count() FROM signals) AS s,
      (SELECT count() FROM reviews) AS r, (SELECT count() FROM judgments) AS j`,
    format: 'JSONEachRow',
  });
  const [c] = await counts.json<{ i: string; s: string; r: string; j: string }>();
  console.log(
    `loaded in ${seconds(started)} s: ${c!.i} interactions, ${c!.s} signals, ${c!.r} reviews, ${c!.j} judgments`,
  );
}

function appFor(storage: Storage) {
  return createApiApp({
    client: storage.client,
    keys: parseKeys(BENCHMARK_KEYS),
    writer: createRowWriter(storage.client),
    counters: new IngestCounters(),
  });
}

/** A request of project p0 from the middle of the range, looked up once the data is loaded. */
let sampleRequest = '';

async function time(app: ReturnType<typeof createApiApp>, method: string, path: string, body: unknown) {
  const start = performance.now();
  const res = await app.request(path, {
    method,
    headers: benchmarkAuth('p0'),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await res.arrayBuffer();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status}`);
  return performance.now() - start;
}

interface Timing {
  scope: string;
  endpoint: string;
  cold: number;
  p50: number;
  p95: number;
}

async function timeAll(app: ReturnType<typeof createApiApp>, reads: boolean): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (const [label, scope] of SCOPES) {
    for (const { method, name, path, body } of ENDPOINTS) {
      if (method === 'POST' && (scope !== '' || reads)) continue;
      const url = path(scope, sampleRequest);
      const cold = await time(app, method, url, body);
      const warm: number[] = [];
      for (let i = 0; i < RUNS; i++) warm.push(await time(app, method, url, body));
      const t = {
        scope: label,
        endpoint: `${method} ${name}`,
        cold,
        p50: percentile(warm, 50),
        p95: percentile(warm, 95),
      };
      console.log(
        `| ${t.scope} | ${t.endpoint} | ${cold.toFixed(0)} | ${t.p50.toFixed(0)} | ${t.p95.toFixed(0)} |`,
      );
      timings.push(t);
    }
  }
  return timings;
}

const HEADER = '| scope | endpoint | cold ms | warm p50 ms | warm p95 ms |\n| --- | --- | --- | --- | --- |';
const row = (t: Timing) =>
  `| ${t.scope} | ${t.endpoint} | ${t.cold.toFixed(0)} | ${t.p50.toFixed(0)} | ${t.p95.toFixed(0)} |`;

/** One size, in this process. */
async function runSize() {
  console.log(`Flywheel analytics API benchmark: ${ROWS} interactions over ${DAYS} days, ${RUNS} warm runs`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  let storage = open();
  await storage.migrate();
  await load(storage);
  const sample = await storage.client.query({
    query: SAMPLE_REQUEST_SQL,
    query_params: { offset: Math.floor(ROWS / 20) },
    format: 'JSONEachRow',
  });
  sampleRequest = (await sample.json<{ request_id: string }>())[0]!.request_id;
  await storage.close();
  // Reopen: the engine's caches are empty for the cold calls (the OS page cache is not).
  storage = open();
  let raw: Timing[] = [];
  if (WITH_RAW) {
    console.log('\nraw rows only (nothing sealed: the reference path)');
    raw = await timeAll(appFor(storage), true);
    await storage.close();
    storage = open();
  }
  // A restart on a data directory whose read model is behind: the catch-up the product does by itself.
  const started = performance.now();
  const caughtUp = await maintainReadModel(storage.client);
  const catchUpSeconds = (performance.now() - started) / 1000;
  const catchUpRate = caughtUp.interactions / catchUpSeconds;
  console.log(
    `\nread model catch-up: ${caughtUp.sealedDays} days, ${caughtUp.interactions} interactions (and ${caughtUp.gateDays} days of gate verdicts) in ${catchUpSeconds.toFixed(1)} s = ${catchUpRate.toFixed(0)} interactions/s`,
  );
  await storage.close();
  const loadPeak = hwmMb();
  storage = open();
  console.log('\nwith the read model');
  const readsPeakKnown = resetHwm();
  const fast = await timeAll(appFor(storage), false);
  const readsPeak = readsPeakKnown ? hwmMb() : NaN;
  console.log(`\n${HEADER}\n${fast.map(row).join('\n')}`);
  if (raw.length > 0) {
    console.log(
      '\n| scope | endpoint | raw p95 ms | read model p95 ms | speed-up |\n| --- | --- | --- | --- | --- |',
    );
    for (const r of raw) {
      const f = fast.find((t) => t.scope === r.scope && t.endpoint === r.endpoint)!;
      console.log(
        `| ${r.scope} | ${r.endpoint} | ${r.p95.toFixed(0)} | ${f.p95.toFixed(0)} | ${(r.p95 / f.p95).toFixed(1)}× |`,
      );
    }
  }
  const peak = Math.max(loadPeak, hwmMb());
  console.log(
    `\npeak RSS (VmHWM): ${readsPeak.toFixed(0)} MB during the reads with the read model, ${loadPeak.toFixed(0)} MB while loading and catching up`,
  );
  await storage.close();
  if (!arg('keep', '')) rmSync(dir, { recursive: true, force: true });
  if (RESULTS_FILE)
    writeFileSync(RESULTS_FILE, JSON.stringify({ rows: ROWS, fast, catchUpRate, peak, readsPeak }));
}

/** Several sizes: each in a child process, then the ratio of p95 between the largest and smallest. */
function runSizes() {
  const results = SIZES.map((rows, i) => {
    const file = join(tmpdir(), `flywheel-api-bench-${process.pid}-${rows}.json`);
    const args = [
      ...process.execArgv,
      process.argv[1]!,
      '--rows',
      String(rows),
      '--runs',
      String(RUNS),
      '--results',
      file,
    ];
    if (i === 0) args.push('--raw');
    const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`benchmark at ${rows} rows failed`);
    const result = JSON.parse(readFileSync(file, 'utf8')) as {
      rows: number;
      fast: Timing[];
      catchUpRate: number;
      peak: number;
      readsPeak: number;
    };
    rmSync(file);
    return result;
  });
  const small = results[0]!;
  const large = results[results.length - 1]!;
  console.log(
    `\n| scope | endpoint | p95 ms at ${small.rows} | p95 ms at ${large.rows} | ratio |\n| --- | --- | --- | --- | --- |`,
  );
  for (const s of small.fast) {
    const l = large.fast.find((t) => t.scope === s.scope && t.endpoint === s.endpoint)!;
    console.log(
      `| ${s.scope} | ${s.endpoint} | ${s.p95.toFixed(0)} | ${l.p95.toFixed(0)} | ${(l.p95 / s.p95).toFixed(2)} |`,
    );
  }
  for (const r of results)
    console.log(
      `${r.rows} rows: catch-up ${r.catchUpRate.toFixed(0)} interactions/s, peak RSS ${r.readsPeak.toFixed(0)} MB during the reads, ${r.peak.toFixed(0)} MB overall`,
    );
}

async function main() {
  if (SIZES.length > 1) runSizes();
  else await runSize();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
