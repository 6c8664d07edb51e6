/**
 * Ingest benchmark: LLM-typical spans through the HTTP endpoint of a running Flywheel (embedded chDB) in a
 * child process, against the engine's own insert rate for the same rows in this process.
 *
 *   pnpm bench:ingest [--requests 100] [--batch 512] [--concurrency 4]
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { decodeProtobuf, normalize } from '@flywheel/collector';
import { createStorage, insertInteractions } from '@flywheel/storage';
import { finished, spawnCli, started } from '../support/process';
import { recordSpans } from '../support/otel';
import { emitLlmSpan, textGenerator } from './llm-spans';

const options = new Command()
  .option('--requests <n>', 'requests to send', '100')
  .option('--batch <n>', 'spans per request', '512')
  .option('--concurrency <n>', 'requests in flight', '4')
  .parse()
  .opts<{ requests: string; batch: string; concurrency: string }>();
const requests = Number(options.requests);
const batch = Number(options.batch);
const concurrency = Number(options.concurrency);

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function main() {
  console.log(`preparing ${requests} requests of ${batch} spans…`);
  const text = textGenerator(42);
  const bodies: Uint8Array[] = [];
  for (let r = 0; r < requests; r++) {
    const spans = await recordSpans('bench-app', (tracer) => {
      for (let i = 0; i < batch; i++)
        emitLlmSpan(tracer, text, r * batch + i, Date.parse('2026-11-01T00:00:00Z') + (r * batch + i) * 1000);
    });
    bodies.push(ProtobufTraceSerializer.serializeRequest(spans)!);
  }
  const totalBytes = bodies.reduce((n, b) => n + b.length, 0);
  const spanCount = requests * batch;

  const dir = mkdtempSync(join(tmpdir(), 'flywheel-bench-'));
  const server = spawnCli(['start', '--data', join(dir, 'server'), '--port', '0', '--otlp-port', '0']);
  try {
    const { otlpUrl } = await started(server);
    const latencies: number[] = [];
    let nextIndex = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (nextIndex < bodies.length) {
          const body = bodies[nextIndex++]!;
          const start = performance.now();
          const res = await fetch(`${otlpUrl}/v1/traces`, {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/x-protobuf' },
          });
          if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
          await res.arrayBuffer();
          latencies.push(performance.now() - start);
        }
      }),
    );
    const httpSeconds = (performance.now() - t0) / 1000;
    const serverPeakRss = peakRssMb(server.pid!);
    server.kill('SIGINT');
    await finished(server);

    // The engine alone: the same rows, the same batch size, inserted straight through the client.
    const rows = bodies.map((b) => normalize(decodeProtobuf(b), 'default').interactions);
    const storage = createStorage({ engine: 'embedded', dataDir: join(dir, 'engine'), database: 'default' });
    await storage.migrate();
    const t1 = performance.now();
    for (const chunk of rows) await insertInteractions(storage.client, chunk);
    const engineSeconds = (performance.now() - t1) / 1000;
    await storage.close();

    latencies.sort((a, b) => a - b);
    const httpRate = spanCount / httpSeconds;
    const engineRate = spanCount / engineSeconds;
    const result = {
      spans: spanCount,
      'payload MB': +(totalBytes / 1e6).toFixed(1),
      'bytes/span': Math.round(totalBytes / spanCount),
      'HTTP spans/s': Math.round(httpRate),
      'HTTP MB/s': +(totalBytes / 1e6 / httpSeconds).toFixed(1),
      'request p50 ms': +quantile(latencies, 0.5).toFixed(1),
      'request p99 ms': +quantile(latencies, 0.99).toFixed(1),
      'server peak RSS MB': Math.round(serverPeakRss),
      'engine insert rows/s': Math.round(engineRate),
      'HTTP / engine ratio': +(httpRate / engineRate).toFixed(2),
    };
    console.table(result);
    console.log(
      `| ${Object.keys(result).join(' | ')} |\n| ${Object.keys(result)
        .map(() => '---')
        .join(' | ')} |\n| ${Object.values(result).join(' | ')} |`,
    );
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
