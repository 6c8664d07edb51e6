import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleList } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { regressionScenario, type SimulationResult } from '@flywheel/simulator';
import { call, expectCoreTruth, firingAlarms, simulateInto } from './oracle';

let fw: TestFlywheel;
let result: SimulationResult;

beforeAll(async () => {
  fw = await startTestFlywheel();
  const plan = regressionScenario({
    days: 16,
    // Detection within two days at p < 0.01 needs about 200 known outcomes per arm by then.
    dailyVolume: 700,
    seed: 5,
    workloads: ['support-chat'],
    cycleDays: 5,
    dropPoints: 12,
    rollbackAfterDays: 4,
  });
  result = await simulateInto(fw, plan);
});
afterAll(() => fw?.dispose());

const injected = () => result.groundTruth.injected.find((i) => i.kind === 'regression')!;

describe('regression scenario against the API', () => {
  it('reports volumes, outcomes, signals and success rates, the drop included', async () => {
    await expectCoreTruth(fw, result);
    const bad = result.groundTruth.versions.find((v) => v.version === injected().version)!;
    const parent = result.groundTruth.versions.find((v) => v.version === bad.parent)!;
    expect(Math.round((parent.expectedSuccessRate - bad.expectedSuccessRate) * 100)).toBe(12);
  });

  it('records the rollback on the cycle', async () => {
    const { status, body } = await call<CycleList>(fw, '/api/v1/cycles');
    expect(status).toBe(200);
    const cycle = body.items.find((c) => c.modelVersion === injected().version)!;
    expect(cycle.status).toBe('rolled_back');
    expect(Date.parse(cycle.rolledBackAt!)).toBe(Date.parse(injected().rolledBackAt as string));
  });

  it('fires regression_after_deploy within two days of the deploy, naming the parent, and resolves after the rollback', async () => {
    const twoDaysAfter = new Date(Date.parse(injected().at as string) + 2 * 86_400_000).toISOString();
    const firing = (await firingAlarms(fw, twoDaysAfter))!;
    const regression = firing.filter((a) => a.kind === 'regression_after_deploy');
    expect(regression.map((a) => `${a.workloadId} ${a.modelVersion}`)).toEqual([
      `support-chat ${injected().version}`,
    ]);
    expect(regression[0]!.recommendation).toContain(
      `Roll back support-chat to ${injected().parent as string}`,
    );

    const atEnd = await firingAlarms(fw);
    expect(
      atEnd!.filter((a) => a.kind === 'regression_after_deploy' && a.modelVersion === injected().version),
    ).toEqual([]);
  });
});
