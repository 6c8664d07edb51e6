import { describe, expect, it } from 'vitest';
import { dryRun } from '../dry-run';
import { TrafficGenerator } from '../generate';
import type { GroundTruth } from '../truth/types';
import { SCENARIO_NAMES, buildScenario } from './index';
import { healthyScenario } from './healthy';
import { latencyBiasScenario } from './latency-bias';
import { negativeFlywheelScenario } from './negative-flywheel';
import { regressionScenario } from './regression';
import { stagnationScenario } from './stagnation';
import { sycophancyScenario } from './sycophancy';
import { driftScenario } from './drift';

const version = (truth: GroundTruth, name: string) => truth.versions.find((v) => v.version === name)!;

describe('scenario plans', () => {
  it.each(SCENARIO_NAMES)('%s builds deterministically with defaults and small sizes', (name) => {
    const full = buildScenario(name);
    expect(full.days).toBe(90);
    expect(JSON.stringify(buildScenario(name))).toBe(JSON.stringify(full));
    const small = buildScenario(name, { days: 28, dailyVolume: 100, seed: 3 });
    expect(small.versions.length).toBeGreaterThan(3);
    expect(small.params).toMatchObject({ days: 28, dailyVolume: 100, seed: 3 });
  });

  it('healthy: every cycle gains 2–5 points and nothing should alarm', () => {
    const truth = dryRun(healthyScenario({ days: 28, dailyVolume: 150 })).groundTruth;
    expect(truth.cycles.length).toBeGreaterThanOrEqual(6);
    for (const c of truth.cycles) {
      expect(c.expectedOnlineDeltaPoints).toBeGreaterThanOrEqual(2);
      expect(c.expectedOnlineDeltaPoints).toBeLessThanOrEqual(5);
      expect(c.status).toBe('deployed');
    }
    expect(truth.expectedAlarms).toEqual([]);
  });

  it('regression: the bad version drops by the set points, is rolled back, and traffic returns to its parent', () => {
    const plan = regressionScenario({ days: 28, dailyVolume: 150, dropPoints: 11, rollbackAfterDays: 3 });
    const bad = plan.versions.find((v) => v.version === 'support-chat-v2')!;
    const parent = plan.versions.find((v) => v.version === 'support-chat-v1')!;
    expect(Math.round((parent.accuracy - bad.accuracy) * 100)).toBe(11);
    expect(bad.fate).toBe('rolled_back');
    expect(bad.rollbackDay).toBe(bad.deployDay! + 3);
    expect(plan.versions.find((v) => v.version === 'support-chat-v3')?.parent).toBe('support-chat-v1');
    const generator = new TrafficGenerator(plan);
    const served = new Set<string>();
    for (let d = bad.rollbackDay! + 1; d < bad.rollbackDay! + 2; d++) {
      for (const i of generator.generateDay(d)) if (i.workloadId === 'support-chat') served.add(i.version);
    }
    expect([...served]).toEqual(['support-chat-v1']);
    expect(plan.expectedAlarms.map((a) => a.kind)).toContain('regression_after_deploy');
  });

  it('negative-flywheel: volume of the workload falls by at least 20% week over week for two weeks', () => {
    const plan = negativeFlywheelScenario({
      days: 42,
      dailyVolume: 300,
      regressedCycle: 1,
      weeklyVolumeFactor: 0.6,
    });
    const truth = dryRun(plan).groundTruth;
    const churn = truth.injected.find((i) => i.kind === 'churn')!;
    const start = Date.parse(churn.at!);
    const weekly = (offset: number) =>
      truth.volumes.perDay
        .filter((d) => d.workloadId === 'support-chat')
        .filter((d) => {
          const t = Date.parse(`${d.date}T00:00:00Z`) - start;
          return t >= (offset - 1) * 7 * 86_400_000 && t < offset * 7 * 86_400_000;
        })
        .reduce((s, d) => s + d.interactions, 0);
    // Users leave gradually: from the second week on, each week is at least 20% below the one before.
    const [w1, w2, w3] = [weekly(1), weekly(2), weekly(3)];
    expect(w2 / w1).toBeLessThan(0.8);
    expect(w3 / w2).toBeLessThan(0.8);
    expect(truth.versions.filter((v) => v.workloadId === 'support-chat').map((v) => v.version)).toEqual([
      'support-chat-v0',
      'support-chat-v1',
    ]);
  });

  it('sycophancy: feedback rewards the sycophantic version while its accuracy does not improve', () => {
    const truth = dryRun(sycophancyScenario({ days: 28, dailyVolume: 300, sycophanticCycle: 1 })).groundTruth;
    const v = version(truth, 'support-chat-v1');
    const parent = version(truth, 'support-chat-v0');
    expect(v.accuracy).toBe(parent.accuracy);
    expect(v.expectedSuccessRate - parent.expectedSuccessRate).toBeGreaterThan(0.05);
    expect(v.realized.sycophanticRate! - parent.realized.sycophanticRate!).toBeGreaterThan(0.3);
    expect(v.realized.capitulationRate!).toBeGreaterThan(0.5);
    expect(v.realized.positiveIfSycophantic! - v.realized.positiveIfNot!).toBeGreaterThan(0);
    expect(v.realized.correctIfSycophantic! - v.realized.correctIfNot!).toBeLessThan(0);
  });

  it('latency-bias: fast answers are rated up, slow ones down, correct or not', () => {
    const truth = dryRun(latencyBiasScenario({ days: 21, dailyVolume: 300 })).groundTruth;
    const { correct, incorrect } = truth.latencyBias.positiveByQuintile;
    expect(correct[0]! - correct[4]!).toBeGreaterThan(0.2);
    expect(incorrect[0]! - incorrect[4]!).toBeGreaterThan(0.2);
    expect(incorrect[0]!).toBeGreaterThan(correct[4]!);
  });

  it('drift: the mix of workloads, languages and prompt lengths changes on the drift day', () => {
    const truth = dryRun(driftScenario({ days: 21, dailyVolume: 200, driftDay: 14 })).groundTruth;
    const { before, after } = truth.drift!;
    expect(after.workloadMix['code-assist']! - before.workloadMix['code-assist']!).toBeGreaterThan(0.2);
    expect(1 - after.languageMix.en!).toBeGreaterThan(0.2);
    expect(1 - before.languageMix.en!).toBeLessThan(0.06);
    expect(after.meanPromptChars / before.meanPromptChars).toBeGreaterThan(1.3);
  });

  it('stagnation: flat deltas, and the evidence of each cause', () => {
    const params = { days: 28, dailyVolume: 150 };
    for (const cause of ['gate', 'reviews', 'sparse'] as const) {
      for (const c of dryRun(stagnationScenario(cause, params)).groundTruth.cycles) {
        expect(c.expectedOnlineDeltaPoints).toBeGreaterThanOrEqual(0);
        expect(c.expectedOnlineDeltaPoints).toBeLessThanOrEqual(1);
      }
    }
    expect(dryRun(stagnationScenario('gate', params)).groundTruth.gate.expectedPassRate).toBeLessThan(0.1);
    const reviews = dryRun(stagnationScenario('reviews', params)).groundTruth.reviews;
    expect(reviews.backlog).toBeGreaterThan(0);
    expect(reviews.oldestPendingDays).toBeGreaterThan(7);
    expect(dryRun(stagnationScenario('sparse', params)).groundTruth.signals.coverage).toBeLessThan(0.05);
  });

  it('refuses knobs that cannot work, naming them', () => {
    expect(() => regressionScenario({ days: 14, regressedCycle: 9 })).toThrow(
      /cycle 9 of support-chat would deploy on day/,
    );
    expect(() => regressionScenario({ workloadId: 'nope' })).toThrow(/workloadId must be one of/);
    expect(() => regressionScenario({ rollbackAfterDays: 40 })).toThrow(
      /rollbackAfterDays must be between 1 and/,
    );
    expect(() => healthyScenario({ start: '2026-02-30x' })).toThrow(/start must be a date/);
    expect(() => driftScenario({ days: 10, driftDay: 10 })).toThrow(/driftDay must be a day between 1 and 9/);
    expect(() => negativeFlywheelScenario({ weeklyVolumeFactor: 1.2 })).toThrow(/weeklyVolumeFactor/);
  });
});
