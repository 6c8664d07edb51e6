import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftCheck } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { driftScenario, type SimulationResult } from '@flywheel/simulator';
import { call, expectCoreTruth, firingAlarms, simulateInto } from './oracle';

let fw: TestFlywheel;
let result: SimulationResult;

beforeAll(async () => {
  fw = await startTestFlywheel();
  result = await simulateInto(fw, driftScenario({ days: 21, dailyVolume: 150, seed: 8, driftDay: 14 }));
});
afterAll(() => fw?.dispose());

describe('drift scenario against the API', () => {
  it('reports volumes, outcomes, signals and success rates', async () => {
    await expectCoreTruth(fw, result);
  });

  it('finds the shift of the workload, language and prompt-length mixes', async () => {
    const { status, body } = await call<DriftCheck>(fw, '/api/v1/checks/drift');
    expect(status).toBe(200);
    const { before, after } = result.groundTruth.drift!;
    expect(after.workloadMix['code-assist']! - before.workloadMix['code-assist']!).toBeGreaterThan(0.2);
    expect(body.statistics.psi.workload).toBeGreaterThanOrEqual(0.2);
    expect(body.statistics.psi.language).toBeGreaterThanOrEqual(0.2);
    expect(body.statistics.psi.prompt_length).toBeGreaterThanOrEqual(0.1);
    expect(body.verdict).toBe('alarm');
  });

  it('raises the drift alarm (docs/design.md §8) from the check', async () => {
    const firing = (await firingAlarms(fw))!;
    expect(firing.map((a) => a.kind)).toContain('drift');
  });
});
