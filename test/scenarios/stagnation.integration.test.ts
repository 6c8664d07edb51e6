import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VelocityReport } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { stagnationScenario, type SimulationResult, type StagnationCause } from '@flywheel/simulator';
import { call, expectCoreTruth, simulateInto } from './oracle';

// One engine per file (chDB binds one data directory per process): each sub-scenario gets its own project.
const KEYS: Record<StagnationCause, string> = {
  gate: 'stagnation-gate-key-0123456789',
  reviews: 'stagnation-reviews-key-0123456789',
  sparse: 'stagnation-sparse-key-0123456789',
};
const CAUSES = Object.keys(KEYS) as StagnationCause[];

let fw: TestFlywheel;
const results = {} as Record<StagnationCause, SimulationResult>;

beforeAll(async () => {
  fw = await startTestFlywheel({ keys: CAUSES.map((c) => `${c}:${KEYS[c]}`).join(',') });
  for (const cause of CAUSES) {
    // Weekly cycles over four weeks, each changing nothing: the last two closed cycles are what the diagnosis
    // looks at, and with no true change a cycle looks significant only by chance (about 5% of seeds).
    const plan = stagnationScenario(cause, {
      days: 28,
      dailyVolume: 120,
      seed: 3,
      workloads: ['support-chat'],
      cycleDays: 7,
      deltaMin: 0,
      deltaMax: 0,
    });
    results[cause] = await simulateInto(fw, plan, { apiKey: KEYS[cause] });
  }
});
afterAll(() => fw?.dispose());

describe.each(CAUSES)('stagnation-%s scenario against the API', (cause) => {
  it('reports volumes, outcomes, signals and success rates, in its own project', async () => {
    await expectCoreTruth(fw, results[cause], { key: KEYS[cause], projectId: cause });
  });

  it('shows the evidence the ground truth describes', () => {
    const truth = results[cause].groundTruth;
    for (const c of truth.cycles) expect(c.expectedOnlineDeltaPoints).toBeLessThanOrEqual(1);
    if (cause === 'gate') expect(truth.gate.expectedPassRate).toBeLessThan(0.1);
    if (cause === 'reviews') expect(truth.reviews.oldestPendingDays).toBeGreaterThan(7);
    if (cause === 'sparse') expect(truth.signals.coverage).toBeLessThan(0.05);
  });

  it('is diagnosed as stagnating for exactly its cause', async () => {
    const { status, body } = await call<VelocityReport>(fw, '/api/v1/velocity', { key: KEYS[cause] });
    expect(status).toBe(200);
    const workload = body.workloads.find((w) => w.workloadId === 'support-chat')!;
    expect(workload.stagnation.stagnating).toBe(true);
    expect(workload.stagnation.causes.map((c) => c.cause)).toEqual([
      results[cause].groundTruth.expectedStagnationCause,
    ]);
  });
});
