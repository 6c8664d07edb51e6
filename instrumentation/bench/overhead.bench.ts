/**
 * Per-call overhead of @flywheel/instrumentation on the OpenAI SDK, against the same call
 * un-instrumented and against @opentelemetry/instrumentation-openai, in one run, on one fake
 * provider over loopback (in its own process). Run: `tsx instrumentation/bench/overhead.bench.ts` (or
 * `pnpm bench:instrumentation`). Env: BENCH_CALLS (per row, default 2000), BENCH_ROUNDS (default
 * 10), BENCH_WARMUP (calls per row before measuring, default 1000).
 *
 * A second table repeats the runs with an in-memory `fetch` answering in the same wire format: the
 * SDK does all its usual work, but loopback jitter (large on small machines) no longer hides the
 * instrumentation's own cost.
 *
 * The configurations are measured in interleaved rounds, so drift in the machine's speed spreads
 * over all of them. Both instrumentations record message content and export through the same
 * tracer provider (a batch processor into a discarding exporter), so the comparison is like for
 * like; the overhead is the difference of means against the un-instrumented call.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as openaiModule from 'openai';
import OpenAI from 'openai';
import { metrics } from '@opentelemetry/api';
import { OpenAIInstrumentation } from '@opentelemetry/instrumentation-openai';
import { ExportResultCode } from '@opentelemetry/core';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { FlywheelOpenAIInstrumentation } from '../src/openai/instrumentation';
import { inMemoryFetch } from './in-memory-fetch';

const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);

class CountingExporter implements SpanExporter {
  count = 0;
  export(spans: ReadableSpan[], done: (result: { code: ExportResultCode }) => void): void {
    this.count += spans.length;
    done({ code: ExportResultCode.SUCCESS });
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

async function startProvider(): Promise<{ url: string; stop: () => void }> {
  const child = fork(fileURLToPath(new URL('./provider-process.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { url: string }).url));
    child.once('error', reject);
  });
  return { url, stop: () => child.disconnect() };
}

interface Config {
  name: string;
  on(): void;
  off(): void;
}

function configs(exporter: CountingExporter, provider: NodeTracerProvider): Config[] {
  const flywheel = new FlywheelOpenAIInstrumentation({ enabled: false, captureContent: true });
  flywheel.setTracerProvider(provider);
  flywheel.patchModule(OpenAI);

  const otel = new OpenAIInstrumentation({ enabled: false, captureMessageContent: true });
  otel.setTracerProvider(provider);
  // As registerInstrumentations() would: creates its metric instruments (no-op meter here).
  otel.setMeterProvider(metrics.getMeterProvider());
  // 0.20.0 declares `openai` >=4.19 <7, so its module hook skips openai 7; its patch function works
  // on 7's layout, so it is applied to the module directly.
  const [definition] = otel.getModuleDefinitions();
  return [
    { name: 'un-instrumented', on: () => undefined, off: () => undefined },
    { name: '@flywheel/instrumentation', on: () => flywheel.enable(), off: () => flywheel.disable() },
    {
      name: '@opentelemetry/instrumentation-openai',
      on: () => {
        otel.enable();
        definition?.patch?.(openaiModule);
      },
      off: () => {
        definition?.unpatch?.(openaiModule);
        otel.disable();
      },
    },
  ].map((config) => ({ ...config, exporter }));
}

type Operation = { name: string; call: (client: OpenAI) => Promise<unknown> };

const messages = [
  { role: 'system' as const, content: 'You are a helpful support assistant. Answer briefly.' },
  {
    role: 'user' as const,
    content: 'How do I reset my password? I tried the link in the email and it expired.',
  },
];

const operations: Operation[] = [
  { name: 'chat', call: (client) => client.chat.completions.create({ model: 'gpt-4o', messages }) },
  {
    name: 'chat stream',
    call: async (client) => {
      const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true });
      for await (const _chunk of stream) {
        // consume
      }
    },
  },
];

async function measure(client: OpenAI, operation: Operation, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = process.hrtime.bigint();
    await operation.call(client);
    samples.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  return samples;
}

function stats(samples: number[]): { mean: number; p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, p50: at(0.5), p99: at(0.99) };
}

type Samples = Map<string, number[]>;

async function runAll(
  client: OpenAI,
  all: Config[],
  provider: NodeTracerProvider,
  exporter: CountingExporter,
) {
  const samples: Samples = new Map();
  const spans = new Map<string, number>();
  for (const operation of operations) {
    for (const config of all) {
      config.on();
      await measure(client, operation, WARMUP);
      config.off();
    }
  }
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const operation of operations) {
      const order = round % 2 === 0 ? all : [...all].reverse();
      for (const config of order) {
        config.on();
        await provider.forceFlush();
        const before = exporter.count;
        const result = await measure(client, operation, Math.ceil(CALLS / ROUNDS));
        await provider.forceFlush();
        config.off();
        const key = `${operation.name}|${config.name}`;
        samples.set(key, [...(samples.get(key) ?? []), ...result]);
        spans.set(key, (spans.get(key) ?? 0) + exporter.count - before);
      }
    }
  }
  return { samples, spans };
}

function report(title: string, all: Config[], samples: Samples, spans: Map<string, number>): void {
  console.log(`\n${title}`);
  const header = [
    'operation',
    'configuration',
    'mean µs',
    'p50 µs',
    'p99 µs',
    'overhead µs',
    'ratio',
    'spans',
  ];
  const rows: string[][] = [];
  for (const operation of operations) {
    const base = stats(samples.get(`${operation.name}|un-instrumented`)!);
    for (const config of all) {
      const s = stats(samples.get(`${operation.name}|${config.name}`)!);
      const uninstrumented = config.name === 'un-instrumented';
      rows.push([
        operation.name,
        config.name,
        s.mean.toFixed(1),
        s.p50.toFixed(1),
        s.p99.toFixed(1),
        uninstrumented ? '—' : `${(s.mean - base.mean).toFixed(1)} (p50 ${(s.p50 - base.p50).toFixed(1)})`,
        (s.mean / base.mean).toFixed(3),
        String(spans.get(`${operation.name}|${config.name}`) ?? 0),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  for (const operation of operations) {
    const mean = (name: string) => stats(samples.get(`${operation.name}|${name}`)!).mean;
    const base = mean('un-instrumented');
    const ours = mean('@flywheel/instrumentation') - base;
    const theirs = mean('@opentelemetry/instrumentation-openai') - base;
    console.log(
      `  ${operation.name}: @flywheel/instrumentation ${ours.toFixed(1)} µs/call, ` +
        `@opentelemetry/instrumentation-openai ${theirs.toFixed(1)} µs/call` +
        (theirs > 1 ? ` (ratio ${(ours / theirs).toFixed(2)})` : ''),
    );
  }
}

async function main(): Promise<void> {
  const exporter = new CountingExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });
  provider.register();
  const all = configs(exporter, provider);
  console.log(
    `Node ${process.version}; ${CALLS} calls per row in ${ROUNDS} interleaved rounds after ${WARMUP} warm-up calls`,
  );

  const fake = await startProvider();
  const loopback = new OpenAI({ baseURL: `${fake.url}/v1`, apiKey: 'bench', maxRetries: 0 });
  const overLoopback = await runAll(loopback, all, provider, exporter);
  fake.stop();
  report('OpenAI SDK, fake provider over loopback HTTP', all, overLoopback.samples, overLoopback.spans);

  const memory = new OpenAI({
    baseURL: 'http://127.0.0.1:9/v1',
    apiKey: 'bench',
    maxRetries: 0,
    fetch: inMemoryFetch as never,
  });
  const inMemory = await runAll(memory, all, provider, exporter);
  report(
    'OpenAI SDK, same wire format from an in-memory fetch (no socket)',
    all,
    inMemory.samples,
    inMemory.spans,
  );
  await provider.shutdown();
}

await main();
