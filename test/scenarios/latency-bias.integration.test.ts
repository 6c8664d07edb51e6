import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LatencyBiasCheck } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { latencyBiasScenario, type SimulationResult } from '@flywheel/simulator';
import { call, expectCoreTruth, firingAlarms, simulateInto } from './oracle';

let fw: TestFlywheel;
let result: SimulationResult;

beforeAll(async () => {
  fw = await startTestFlywheel();
  result = await simulateInto(fw, latencyBiasScenario({ days: 14, dailyVolume: 250, seed: 4 }));
});
afterAll(() => fw?.dispose());

describe('latency-bias scenario against the API', () => {
  it('reports volumes, outcomes, signals and success rates', async () => {
    await expectCoreTruth(fw, result);
  });

  it('finds fast answers rated better than slow ones within correctness strata', async () => {
    const { status, body } = await call<LatencyBiasCheck>(fw, '/api/v1/checks/latency-bias');
    expect(status).toBe(200);
    const { correct, incorrect } = result.groundTruth.latencyBias.positiveByQuintile;
    const truthDifference = (correct[0]! - correct[4]! + (incorrect[0]! - incorrect[4]!)) / 2;
    expect(truthDifference).toBeGreaterThan(0.2);
    // null (too few outcomes to compare) fails the first expectation.
    const { difference, p } = body.statistics.latency;
    expect(difference).toBeGreaterThan(0.05);
    expect(Math.abs(difference! - truthDifference)).toBeLessThan(0.15);
    expect(p).toBeLessThan(0.05);
    expect(body.verdict).toBe('alarm');
  });

  it('raises the latency_bias alarm (docs/design.md §8) from the check', async () => {
    const firing = (await firingAlarms(fw))!;
    expect(firing.map((a) => a.kind)).toContain('latency_bias');
  });
});
