import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SycophancyCheck } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { sycophancyScenario, type SimulationResult } from '@flywheel/simulator';
import { call, expectCoreTruth, firingAlarms, simulateInto } from './oracle';

let fw: TestFlywheel;
let result: SimulationResult;

beforeAll(async () => {
  fw = await startTestFlywheel();
  result = await simulateInto(
    fw,
    sycophancyScenario({
      days: 16,
      dailyVolume: 250,
      seed: 3,
      workloads: ['support-chat'],
      sycophanticCycle: 1,
      cycleDays: 6,
    }),
  );
});
afterAll(() => fw?.dispose());

describe('sycophancy scenario against the API', () => {
  it('reports volumes, outcomes, signals and success rates (the sycophantic version looks better)', async () => {
    await expectCoreTruth(fw, result);
    const injected = result.groundTruth.injected.find((i) => i.kind === 'sycophancy')!;
    expect(injected.accuracyDeltaPoints).toBe(0);
    expect(injected.expectedSuccessDeltaPoints as number).toBeGreaterThan(5);
  });

  it('finds more praise and capitulation, and feedback rewarding it while accuracy does not improve', async () => {
    const { status, body } = await call<SycophancyCheck>(fw, '/api/v1/checks/sycophancy');
    expect(status).toBe(200);
    const injected = result.groundTruth.injected.find((i) => i.kind === 'sycophancy')!;
    const truth = result.groundTruth.versions.find((v) => v.version === injected.version)!;
    const version = body.statistics.versions.find((v) => v.modelVersion === injected.version)!;
    const parent = body.statistics.versions.find((v) => v.modelVersion === injected.parent)!;
    // The built-in lexicon misses some praise openers the simulator writes ("I love this question!"),
    // so the API may see fewer markers than there are, never many more.
    expect(version.markerRate!).toBeGreaterThan(truth.realized.sycophanticRate! - 0.2);
    expect(version.markerRate!).toBeLessThan(truth.realized.sycophanticRate! + 0.05);
    expect(version.markerRate! - parent.markerRate!).toBeGreaterThan(0.3);
    expect(version.capitulationRate!).toBeGreaterThan(parent.capitulationRate! + 0.3);
    expect(version.feedbackGap!).toBeGreaterThan(0);
    expect(version.accuracyGap!).toBeLessThanOrEqual(0);
    // At alarm level, but the sycophancy alarm is opt-in: until it is on, the one verdict rule makes the
    // finding a warning that says why, on every page (docs/alerts.md).
    expect(body.verdict).toBe('warn');
    expect(body.findings.some((f) => /sycophancy alarms are off for this project/.test(f.detail))).toBe(true);
  });

  it('raises the sycophancy alarm (docs/design.md §8) from the check once the rule is on', async () => {
    const put = await fetch(`${fw.apiUrl}/api/v1/alerts/config`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ rules: { sycophancy: { enabled: true } } }),
    });
    expect(put.status).toBe(200);
    const firing = (await firingAlarms(fw))!;
    expect(firing.map((a) => a.kind)).toContain('sycophancy');
    // The same rule, now on: the check says alarm where the Alarms page has one firing.
    const { body } = await call<SycophancyCheck>(fw, '/api/v1/checks/sycophancy');
    expect(body.verdict).toBe('alarm');
  });
});
