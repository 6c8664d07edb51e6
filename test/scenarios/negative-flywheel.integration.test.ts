import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { negativeFlywheelScenario, type SimulationResult } from '@flywheel/simulator';
import { expectCoreTruth, firingAlarms, simulateInto } from './oracle';

let fw: TestFlywheel;
let result: SimulationResult;

beforeAll(async () => {
  fw = await startTestFlywheel();
  result = await simulateInto(
    fw,
    negativeFlywheelScenario({
      days: 33,
      dailyVolume: 600,
      seed: 9,
      workloads: ['support-chat'],
      regressedCycle: 1,
    }),
  );
});
afterAll(() => fw?.dispose());

const churn = () => result.groundTruth.injected.find((i) => i.kind === 'churn')!;

describe('negative-flywheel scenario against the API', () => {
  it('reports volumes, outcomes, signals and success rates', async () => {
    await expectCoreTruth(fw, result);
  });

  it('shows volume falling at least 20% week over week for two weeks while users leave', () => {
    const until = Date.parse(churn().until as string);
    const week = (k: number) =>
      result.interactions.filter((r) => {
        const t = Date.parse(r.time);
        return t >= until - (k + 1) * 7 * 86_400_000 && t < until - k * 7 * 86_400_000;
      }).length;
    expect(week(0) / week(1) - 1).toBeLessThanOrEqual(-0.2);
    expect(week(1) / week(2) - 1).toBeLessThanOrEqual(-0.2);
  });

  it('fires regression_after_deploy within two days of the deploy, then negative_flywheel as users leave', async () => {
    const bad = result.groundTruth.injected.find((i) => i.kind === 'regression')!;
    const twoDaysAfter = new Date(Date.parse(bad.at as string) + 2 * 86_400_000).toISOString();
    const early = (await firingAlarms(fw, twoDaysAfter))!.filter((a) => a.modelVersion === bad.version);
    const regression = early.find((a) => a.kind === 'regression_after_deploy');
    expect(regression).toBeDefined();
    expect(JSON.stringify(regression!.recommendation)).toContain(`to ${bad.parent as string}`);
    // The cycle's own online delta is significantly negative too (the ground truth expects it).
    expect(early.map((a) => a.kind).sort()).toEqual(['negative_cycle_delta', 'regression_after_deploy']);

    const late = (await firingAlarms(fw, churn().until as string))!.filter(
      (a) => a.modelVersion === bad.version,
    );
    expect(late.map((a) => a.kind).sort()).toEqual([
      'negative_cycle_delta',
      'negative_flywheel',
      'regression_after_deploy',
    ]);
  });
});
