import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestFlywheel } from '@flywheel/server/testing';
import type { GroundTruth } from '@flywheel/simulator';
import { getInteractions } from '../support/api';
import { finished, runCli, spawnCli } from '../support/process';

const dir = mkdtempSync(join(tmpdir(), 'flywheel-sim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('flywheel demo and simulate', () => {
  // Each run starts a Node process; the remaining flag checks are unit-tested in server/src/cli/simulate.test.ts.
  it.each([
    [
      ['demo', '--scenario', 'nope'],
      /^flywheel: --scenario must be one of healthy, regression, negative-flywheel, /,
    ],
    [['simulate', '--scenario', 'healthy'], /^error: required option '--target <url>' not specified/],
    [['simulate', '--target', 'nope', '--scenario', 'drift'], /^flywheel: --target must be an http\(s\) URL/],
  ])('refuses %j with one clear line', async (args, message) => {
    const run = await runCli(args[0] === 'demo' ? [...args, '--data', join(dir, 'refused')] : args);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  });

  it('demo starts Flywheel, streams a scenario with its ground truth, keeps serving, and stops on Ctrl-C', async () => {
    const data = join(dir, 'demo');
    const child = spawnCli([
      'demo',
      '--days',
      '4',
      '--volume',
      '60',
      '--start',
      '2026-03-02',
      '--data',
      data,
      '--port',
      '0',
      '--otlp-port',
      '0',
    ]);
    const exit = finished(child);
    const deadline = Date.now() + 90_000;
    while (
      !/explore it at (http:\/\/\S+)/.test(child.output()) &&
      Date.now() < deadline &&
      child.exitCode === null
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const apiUrl = /explore it at (http:\/\/\S+)/.exec(child.output())?.[1];
    expect(apiUrl, child.output()).toBeDefined();
    const truthPath = join(data, 'scenarios', 'healthy', 'ground-truth.json');
    const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as GroundTruth;
    expect(truth.start).toBe('2026-03-02T00:00:00.000Z');
    expect(child.output()).toMatch(
      new RegExp(
        `4 days, ${truth.volumes.interactions} interactions and ${truth.volumes.signals} signals sent`,
      ),
    );
    expect((await getInteractions(apiUrl!, 'limit=1000')).length).toBe(truth.volumes.interactions);
    child.kill('SIGINT');
    const run = await exit;
    expect(run.code).toBe(0);
    expect(child.output()).toMatch(/draining the writer…\nflywheel: stopped cleanly/);
  });

  it('simulate sends a scenario to a running Flywheel and writes the ground truth', async () => {
    const fw = await startTestFlywheel();
    try {
      const out = join(dir, 'simulated');
      const run = await runCli([
        'simulate',
        '--target',
        fw.otlpUrl,
        '--api',
        fw.apiUrl,
        '--scenario',
        'regression',
        '--days',
        '12',
        '--volume',
        '40',
        '--start',
        '2026-03-02',
        '--out',
        out,
      ]);
      expect(run.code, run.stderr).toBe(0);
      const truth = JSON.parse(readFileSync(join(out, 'ground-truth.json'), 'utf8')) as GroundTruth;
      expect(truth.scenario).toBe('regression');
      expect(truth.api.cycles.state).not.toBe('rejected');
      expect(run.stdout).toMatch(/regression: 12 days, \d+ interactions and \d+ signals sent in/);
      const result = await fw.storage.client.query({
        query: 'SELECT count() AS n FROM interactions FINAL',
        format: 'JSONEachRow',
      });
      expect(Number((await result.json<{ n: string }>())[0]!.n)).toBe(truth.volumes.interactions);
      expect(existsSync(join(out, 'ground-truth.json'))).toBe(true);
    } finally {
      await fw.dispose();
    }
  });
});
