import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInteractions } from '../support/api';
import { expectSuccess, exportSpans, recordSpans } from '../support/otel';
import { finished, runCli, spawnCli, started } from '../support/process';
import { buildDashboard } from '../setup/dashboard';

const dir = mkdtempSync(join(tmpdir(), 'flywheel-cli-'));
// `start` builds the dashboard when it is stale; building it here keeps that out of each test's time.
beforeAll(() => buildDashboard());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('flywheel command line', () => {
  it.each([
    [['start', '--port', 'abc'], {}, /^flywheel: --port \(FLYWHEEL_PORT\) must be a port number$/],
    [
      ['start', '--otlp-port', '70000'],
      {},
      /^flywheel: --otlp-port \(FLYWHEEL_OTLP_PORT\) must be between 0 and 65535$/,
    ],
    [['start', '--prot', '1'], {}, /^error: unknown option '--prot'/],
    [['start', '--host', '0.0.0.0'], {}, /^flywheel: refusing to listen on 0\.0\.0\.0 without keys/],
    [['start'], { FLYWHEEL_PORT: 'x' }, /^flywheel: --port \(FLYWHEEL_PORT\) must be a port number$/],
    [
      ['start'],
      { FLYWHEEL_KEYS: 'secret-without-project' },
      /^flywheel: FLYWHEEL_KEYS: entry 1 must be project:key$/,
    ],
    [['start'], { CLICKHOUSE_URL: 'not a url' }, /^flywheel: CLICKHOUSE_URL: /],
  ])('refuses %j %j with one clear line', async (args, env, message) => {
    const run = await runCli([...args, '--data', join(dir, 'refused')], env);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')[0]).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('migrates, then starts, ingests, and drains cleanly on SIGINT', async () => {
    const data = join(dir, 'clean');
    const migrated = await runCli(['migrate', '--data', data]);
    expect(migrated.stdout).toMatch(/applied \d+ migration\(s\): 0001_interactions, 0002_signals, /);
    const child = spawnCli(['start', '--data', data, '--port', '0', '--otlp-port', '0']);
    const exit = finished(child);
    const { otlpUrl, apiUrl } = await started(child);
    const spans = await recordSpans('cli-app', (tracer) => {
      tracer
        .startSpan('chat m', {
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.response.id': 'cli-1',
            'gen_ai.request.model': 'm',
          },
        })
        .end();
    });
    expectSuccess(await exportSpans('protobuf', otlpUrl, spans));
    expect((await getInteractions(apiUrl)).map((i) => i.requestId)).toEqual(['cli-1']);
    // The same port serves the dashboard, client routes included.
    const page = await fetch(`${apiUrl}/velocity`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    // Headers over Node's limit are refused with a JSON body on both ports (docs/security.md).
    for (const url of [`${apiUrl}/healthz`, `${otlpUrl}/v1/traces`]) {
      const tooLarge = await fetch(`${url}?q=${'a'.repeat(20_000)}`);
      expect(tooLarge.status).toBe(431);
      expect(await tooLarge.json()).toEqual({ error: expect.stringMatching(/^headers: larger/) });
    }
    child.kill('SIGINT');
    const run = await exit;
    expect(run.code).toBe(0);
    expect(child.output()).toMatch(/draining the writer…\nflywheel: stopped cleanly/);
  });

  it('loses no acknowledged span when killed with SIGKILL', async () => {
    const data = join(dir, 'killed');
    const child = spawnCli(['start', '--data', data, '--port', '0', '--otlp-port', '0']);
    const { otlpUrl } = await started(child);
    const acknowledged: string[] = [];
    const sending = (async () => {
      for (let i = 0; i < 40; i++) {
        const spans = await recordSpans('kill-app', (tracer) => {
          tracer
            .startSpan('chat m', {
              attributes: { 'gen_ai.operation.name': 'chat', 'flywheel.request_id': `kill-${i}` },
            })
            .end();
        });
        const result = await exportSpans('protobuf', otlpUrl, spans);
        if (result.code !== 0) break;
        acknowledged.push(`kill-${i}`);
      }
    })();
    while (acknowledged.length < 10) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await finished(child);
    await sending;

    const again = spawnCli(['start', '--data', data, '--port', '0', '--otlp-port', '0']);
    const { apiUrl } = await started(again);
    const stored = new Set((await getInteractions(apiUrl)).map((i) => i.requestId));
    again.kill('SIGINT');
    await finished(again);
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  });
});
