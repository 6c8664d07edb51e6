/**
 * Where a span's CPU time goes on the way in, step by step, on the ingest benchmark's 3.5 KB LLM spans:
 * CPU microseconds per span on one thread (CPU time, not wall time, so other load on the machine
 * distorts it little), then the engine's CPU per row for the same rows through `insertInteractions`.
 *
 *   node --import tsx test/bench/ingest-steps.bench.ts [--requests 8] [--small]
 *
 * `--small`: the benchmark's small spans (under 1 KB, no prompt or response) instead.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { decodeProtobuf, normalize, redactInteraction } from '@flywheel/collector';
import { createStorage, insertInteractions, type InteractionRow } from '@flywheel/storage';
import { checkInteraction } from '../../collector/src/protect/check-rows';
import { recordSpans } from '../support/otel';
import { emitLlmSpan, emitSmallSpan, textGenerator } from './llm-spans';

const options = new Command()
  .option('--requests <n>', 'bodies of 512 spans', '8')
  .option('--small', 'small spans without content')
  .parse()
  .opts<{ requests: string; small?: boolean }>();
const requests = Number(options.requests);

const text = textGenerator(42);
/** Bodies of `requests` × 512 spans, span numbers from `first` on. */
async function emitBodies(first: number): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (let r = 0; r < requests; r++) {
    const spans = await recordSpans('bench-app', (tracer) => {
      for (let i = 0; i < 512; i++) {
        const n = first + r * 512 + i;
        const at = Date.parse('2026-11-01T00:00:00Z') + n * 1000;
        if (options.small) emitSmallSpan(tracer, n, at);
        else emitLlmSpan(tracer, text, n, at);
      }
    });
    out.push(ProtobufTraceSerializer.serializeRequest(spans)!);
  }
  return out;
}
const bodies = await emitBodies(0);
const spans = requests * 512;

/** CPU µs per span of `step`, run three times after a warm-up (pass 0); the median of the three. */
async function cpu(step: (pass: number) => unknown): Promise<number> {
  await step(0);
  const runs: number[] = [];
  for (let i = 1; i <= 3; i++) {
    const before = process.cpuUsage();
    await step(i);
    const used = process.cpuUsage(before);
    runs.push((used.user + used.system) / spans);
  }
  return runs.sort((a, b) => a - b)[1]!;
}

const decoded = bodies.map((b) => decodeProtobuf(b));
const rows = decoded.flatMap((d) => normalize(d, 'default').interactions);
const rowsByPass = [rows];
for (let pass = 1; pass <= 3; pass++)
  rowsByPass.push(
    (await emitBodies(pass * spans)).flatMap((b) => normalize(decodeProtobuf(b), 'default').interactions),
  );
const redacted = rows.map((r) => redactInteraction(r));
const checked = await Promise.all(redacted.map((r) => checkInteraction(r)));
const steps: Record<string, number> = {
  'decode (protobuf)': await cpu(() => bodies.forEach((b) => decodeProtobuf(b))),
  normalize: await cpu(() => decoded.forEach((d) => normalize(d, 'default'))),
  // Spans of their own for each pass: redaction remembers short texts, and ids that repeated from one
  // pass to the next would be answered from memory, which real traffic's ids are not.
  redaction: await cpu((pass) => rowsByPass[pass]!.forEach((r) => redactInteraction(r))),
  'content checks': await cpu(() => Promise.all(redacted.map((r) => checkInteraction(r)))),
  'JSONEachRow encoding': await cpu(() => checked.forEach((r) => JSON.stringify(r))),
};

const dir = mkdtempSync(join(tmpdir(), 'flywheel-steps-'));
const storage = createStorage({ engine: 'embedded', dataDir: dir, database: 'default' });
try {
  await storage.migrate();
  let pass = 0;
  steps['engine insert (512 rows/insert)'] = await cpu(async () => {
    pass++; // new keys each pass, so no pass merely repeats another's rows
    for (let i = 0; i < checked.length; i += 512)
      await insertInteractions(
        storage.client,
        checked.slice(i, i + 512).map((r): InteractionRow => ({ ...r, span_id: `${pass}-${r.span_id}` })),
      );
  });
} finally {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
}
const row = Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, +v.toFixed(1)]));
console.table(row);
console.log(
  `| ${Object.keys(row).join(' | ')} |\n| ${Object.keys(row)
    .map(() => '---')
    .join(' | ')} |\n| ${Object.values(row).join(' | ')} |`,
);
