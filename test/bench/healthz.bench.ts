import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Command, Option } from 'commander';
import { toOtlpJson, toOtlpProtobuf, type ExportModel, type KeyValue } from '../fuzz/otlp-model';
import { spawnCli, started } from '../support/process';
import { textGenerator } from './llm-spans';

// `pnpm bench:healthz`: how long GET /healthz takes while the server handles one large request alone.
// Starts `flywheel start` as a child in a fresh directory, then sends each request kind by itself while
// timing /healthz every 10 ms, and prints max and p99 per kind. A measurement, not a test: on a shared
// machine the figures move with its load, printed beside them.
// `--only TEXT` measures only the requests whose name contains TEXT (the ones before it still run, as
// they load its data). `--cpu-prof-dir DIR` profiles the server's threads into DIR and writes each
// request's window there too: `test/bench/profile-windows.ts DIR` then says where each pause went.

const program = new Command()
  .name('bench:healthz')
  .addOption(new Option('--prompt-mb <n>', 'size of the one prompt of the OTLP bodies, in MB').default('19'))
  .addOption(new Option('--interval-ms <n>', 'how often /healthz is asked').default('10'))
  .addOption(new Option('--only <text>', 'measure only the requests whose name contains this'))
  .addOption(
    new Option('--cpu-prof-dir <dir>', "write the server's CPU profiles and the request windows here"),
  )
  .parse();
const flags = program.opts<{ promptMb: string; intervalMs: string; only?: string; cpuProfDir?: string }>();
const PROMPT_BYTES = Number(flags.promptMb) * 1_000_000;
const INTERVAL_MS = Number(flags.intervalMs);

const DAY = '2026-11-01';
const SPAN_NS = BigInt(Date.parse(`${DAY}T12:00:00Z`)) * 1_000_000n;
const text = textGenerator(15);
const str = (key: string, value: string): KeyValue => ({ key, value: { string: value } });

/** One LLM span whose prompt is `PROMPT_BYTES` of ordinary words: the largest body the collector takes. */
function hugePromptSpan(requestId: string, n: number): ExportModel {
  const prompt = JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: text(PROMPT_BYTES) }] }]);
  const response = JSON.stringify([{ role: 'assistant', parts: [{ type: 'text', content: text(400) }] }]);
  const id = (bytes: number) => Buffer.from(n.toString(16).padStart(bytes * 2, '0'), 'hex');
  return {
    resource: [str('service.name', 'bench-healthz')],
    spans: [
      {
        traceId: id(16),
        spanId: id(8),
        parentSpanId: new Uint8Array(0),
        name: 'chat gpt-4o',
        kind: 3,
        start: SPAN_NS + BigInt(n) * 1_000_000n,
        end: SPAN_NS + BigInt(n) * 1_000_000n + 900_000_000n,
        attributes: [
          str('gen_ai.operation.name', 'chat'),
          str('gen_ai.request.model', 'gpt-4o'),
          str('flywheel.workload_id', 'bench'),
          str('flywheel.request_id', requestId),
          str('gen_ai.input.messages', prompt),
          str('gen_ai.output.messages', response),
        ],
        events: [],
        status: { code: 0, message: '' },
      },
    ],
  };
}

/** 10,000 reviews (the batch limit) with corrections, just under the API's 16 MiB body limit. */
function maximalReviews(requestIds: string[]): Buffer {
  const reviews = Array.from({ length: 10_000 }, (_, i) => ({
    requestId: requestIds[i] ?? `bench-review-${i}`,
    reviewer: 'bench',
    time: `${DAY}T13:00:00Z`,
    labels: { accuracy: true, helpfulness: true, safety: true },
    correction: text(1_480),
  }));
  return Buffer.from(JSON.stringify({ reviews }));
}

interface Kind {
  name: string;
  bytes: number;
  send: (urls: { apiUrl: string; otlpUrl: string }) => Promise<number>;
}

async function consume(res: Response): Promise<number> {
  // Read the answer to its end (an export streams), so the request's whole cost is inside its window.
  const reader = res.body?.getReader();
  while (reader && !(await reader.read()).done);
  return res.status;
}

function post(path: 'api' | 'otlp', route: string, body: Buffer, headers: Record<string, string>) {
  return async (urls: { apiUrl: string; otlpUrl: string }) =>
    consume(
      await fetch(`${path === 'api' ? urls.apiUrl : urls.otlpUrl}${route}`, {
        method: 'POST',
        body,
        headers,
      }),
    );
}

function kinds(): Kind[] {
  const ids = ['bench-proto', 'bench-json', 'bench-proto-gzip', 'bench-json-gzip'];
  const proto = Buffer.from(toOtlpProtobuf(hugePromptSpan(ids[0]!, 1)));
  const json = Buffer.from(JSON.stringify(toOtlpJson(hugePromptSpan(ids[1]!, 2))));
  const protoGzip = gzipSync(toOtlpProtobuf(hugePromptSpan(ids[2]!, 3)));
  const jsonGzip = gzipSync(JSON.stringify(toOtlpJson(hugePromptSpan(ids[3]!, 4))));
  const reviews = maximalReviews(ids);
  const protobuf = { 'content-type': 'application/x-protobuf' };
  const otlpJson = { 'content-type': 'application/json' };
  const gzip = { 'content-encoding': 'gzip' };
  let datasetId = '';
  return [
    { name: 'idle (no request)', bytes: 0, send: () => new Promise((r) => setTimeout(() => r(0), 2_000)) },
    {
      name: `OTLP protobuf, one ${flags.promptMb} MB prompt`,
      bytes: proto.length,
      send: post('otlp', '/v1/traces', proto, protobuf),
    },
    {
      name: `OTLP/JSON, one ${flags.promptMb} MB prompt`,
      bytes: json.length,
      send: post('otlp', '/v1/traces', json, otlpJson),
    },
    {
      name: 'OTLP protobuf, gzip',
      bytes: protoGzip.length,
      send: post('otlp', '/v1/traces', protoGzip, { ...protobuf, ...gzip }),
    },
    {
      name: 'OTLP/JSON, gzip',
      bytes: jsonGzip.length,
      send: post('otlp', '/v1/traces', jsonGzip, { ...otlpJson, ...gzip }),
    },
    {
      name: 'API JSON, 10,000 reviews (16 MiB)',
      bytes: reviews.length,
      send: post('api', '/api/v1/reviews', reviews, { 'content-type': 'application/json' }),
    },
    {
      name: 'CSV export (the prompts above)',
      bytes: 0,
      send: async ({ apiUrl }) =>
        consume(
          await fetch(`${apiUrl}/api/v1/interactions/export?from=${DAY}T00:00:00Z&to=2026-11-02T00:00:00Z`),
        ),
    },
    {
      name: 'dataset freeze (the reviewed prompts)',
      bytes: 0,
      send: async ({ apiUrl }) => {
        const res = await fetch(`${apiUrl}/api/v1/datasets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            workload: 'bench',
            window: { from: `${DAY}T00:00:00Z`, to: '2026-11-02T00:00:00Z' },
            at: '2026-11-03T00:00:00Z',
            lagDays: 0,
          }),
        });
        const answer = (await res.json()) as { dataset?: { id: string } };
        datasetId = answer.dataset?.id ?? '';
        return res.status;
      },
    },
    {
      name: 'Parquet export of that dataset',
      bytes: 0,
      send: async ({ apiUrl }) =>
        consume(
          await fetch(`${apiUrl}/api/v1/datasets/${encodeURIComponent(datasetId)}/export?format=parquet`),
        ),
    },
  ];
}

/** Asks /healthz every INTERVAL_MS (or as soon as the last answer came, when slower) until stopped. */
function pollHealth(apiUrl: string) {
  const latencies: number[] = [];
  let failures = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const res = await fetch(`${apiUrl}/healthz`);
        await res.arrayBuffer();
        if (res.status !== 200) failures++;
      } catch {
        failures++;
      }
      const took = performance.now() - started;
      latencies.push(took);
      if (took < INTERVAL_MS) await new Promise((r) => setTimeout(r, INTERVAL_MS - took));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return { latencies, failures };
    },
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'flywheel-bench-healthz-'));
  const profileDir = flags.cpuProfDir ? resolve(flags.cpuProfDir) : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const child = spawnCli(
    ['start', '--data', dir, '--port', '0', '--otlp-port', '0'],
    {},
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
  /** Each measured request's start and end on the monotonic clock, as V8's profiles time samples. */
  const windows: { name: string; startUs: number; endUs: number }[] = [];
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  try {
    const urls = await started(child, 180_000);
    const all = kinds();
    // Warm-up: the first request of each path loads code and the engine's caches.
    await fetch(`${urls.apiUrl}/healthz`).then((r) => r.arrayBuffer());
    const load = loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    console.log(`/healthz every ${INTERVAL_MS} ms during each request alone; load average before: ${load}`);
    console.log('| request | body MB | status | request ms | /healthz asked | p99 ms | max ms | non-200 |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const kind of all) {
      if (flags.only && !kind.name.includes(flags.only)) {
        await kind.send(urls); // unmeasured: what the measured ones read
        continue;
      }
      const poll = pollHealth(urls.apiUrl);
      const startUs = nowUs();
      const started = performance.now();
      const status = await kind.send(urls);
      const took = performance.now() - started;
      windows.push({ name: kind.name, startUs, endUs: nowUs() });
      const { latencies, failures } = await poll.stop();
      const sorted = [...latencies].sort((a, b) => a - b);
      const mb = kind.bytes > 0 ? (kind.bytes / 1_000_000).toFixed(1) : '–';
      console.log(
        `| ${kind.name} | ${mb} | ${status || '–'} | ${took.toFixed(0)} | ${sorted.length} | ` +
          `${quantile(sorted, 0.99).toFixed(0)} | ${sorted.at(-1)!.toFixed(0)} | ${failures} |`,
      );
      // Let the writer flush and the heap settle before the next kind.
      await new Promise((r) => setTimeout(r, 2_000));
    }
    console.log(
      `load average after: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (profileDir) writeFileSync(join(profileDir, 'windows.json'), JSON.stringify(windows));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
