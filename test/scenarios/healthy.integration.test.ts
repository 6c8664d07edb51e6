import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmList, CycleList, GateReport } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { healthyScenario, type SimulationResult } from '@flywheel/simulator';
import { call, expectCoreTruth, firingAlarms, interactionMismatches, simulateInto } from './oracle';

// The control: a healthy flywheel, sized like the regression run, must raise nothing.
let fw: TestFlywheel;
let result: SimulationResult;
let items: Awaited<ReturnType<typeof expectCoreTruth>>;

beforeAll(async () => {
  fw = await startTestFlywheel();
  // Alarms are evaluated along the way, as the server's schedule would in real time.
  const plan = healthyScenario({ days: 16, dailyVolume: 250, seed: 11 });
  result = await simulateInto(fw, plan, { evaluateAlarmsEveryDays: 2 });
});
afterAll(() => fw?.dispose());

describe('healthy scenario against the API', () => {
  it('reports the volumes, outcomes, signals and success rates the simulator produced', async () => {
    items = await expectCoreTruth(fw, result);
  });

  it('notices when the truth and the API disagree (the oracle can fail)', async () => {
    const [first, second] = result.interactions.filter((r) => r.outcome !== 'unknown');
    const tampered = [
      { ...first!, outcome: first!.outcome === 'success' ? ('failure' as const) : ('success' as const) },
      { ...second!, signalKinds: [...second!.signalKinds, 'thumbs_up'] },
    ];
    expect(interactionMismatches(tampered, items)).toHaveLength(2);
    expect(interactionMismatches([{ ...first!, requestId: 'not-sent' }], items)[0]).toMatch(
      /API says missing/,
    );
  });

  it('registered every cycle with its deploy', async () => {
    const { status, body } = await call<CycleList>(fw, '/api/v1/cycles');
    expect(status).toBe(200);
    const truth = result.groundTruth.cycles;
    expect(body.items.map((c) => c.id).sort()).toEqual(truth.map((c) => c.id).sort());
    for (const cycle of truth) {
      const got = body.items.find((c) => c.id === cycle.id)!;
      expect(got.status).toBe('deployed');
      expect(Date.parse(got.deployedAt!)).toBe(Date.parse(cycle.deployedAt!));
    }
  });

  it('keeps the gate in the band the simulator predicts', async () => {
    const { status, body } = await call<GateReport>(fw, '/api/v1/gate');
    expect(status).toBe(200);
    const evaluated = body.buckets.reduce((s, b) => s + b.evaluated, 0);
    const passed = body.buckets.reduce((s, b) => s + b.passed, 0);
    const expected = result.groundTruth.gate.expectedPassRate!;
    expect(expected).toBeGreaterThan(0.2);
    expect(expected).toBeLessThan(0.3);
    expect(Math.abs(passed / evaluated - expected)).toBeLessThan(0.04);
  });

  it('raises no alarm, now or at any evaluation along the way', async () => {
    const firing = await firingAlarms(fw);
    expect(firing).not.toBeNull();
    expect(firing!.map((a) => `${a.kind} ${a.workloadId} ${a.modelVersion ?? ''}`)).toEqual([]);
    const all = await call<AlarmList>(fw, '/api/v1/alarms');
    expect(all.body.items.map((a) => `${a.kind} ${a.workloadId} ${a.modelVersion ?? ''} ${a.state}`)).toEqual(
      [],
    );
  });
});
