import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFuzz } from './run';
import { startFuzzServer, type FuzzServer } from './server';
import { summary } from './summary';

// The short run of `pnpm fuzz` (docs/benchmarks.md has the long one): a real `flywheel start` child
// process takes 5,000 hostile bodies over HTTP without dying, answering 5xx or leaving one unanswered.

let server: FuzzServer;

beforeAll(async () => {
  server = await startFuzzServer();
}, 300_000);

afterAll(async () => {
  await server?.stop();
});

describe('pnpm fuzz, short run', () => {
  it('survives 5,000 hostile bodies with no crash, no 5xx, nothing unanswered', async () => {
    const report = await runFuzz(server, { bodies: 5000, seed: 20261204, concurrency: 8 });
    console.log(summary(report));
    const problems = report.reproducers.map((r) => `${r.problem}: ${r.method} ${r.url.slice(0, 200)}`);
    expect(report.crashed, server.output().slice(-2000)).toBe(false);
    expect(problems).toEqual([]);
    expect(report.serverErrors + report.timeouts + report.transportErrors).toBe(0);
    expect(report.bodies).toBe(5000);
    // Every kind of body was sent, and some of each got through validation.
    expect(report.byTarget.otlp).toBeGreaterThan(1000);
    expect(report.byTarget.logs).toBeGreaterThan(200);
    expect(report.byTarget.signals).toBeGreaterThan(200);
    expect(report.byTarget.api).toBeGreaterThan(1000);
    expect(report.statuses['200']).toBeGreaterThan(500);
  }, 600_000);
});
