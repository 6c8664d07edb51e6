import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmList } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { healthyScenario } from '@flywheel/simulator';
import { simulateInto } from '../scenarios/oracle';

// The control of docs/design.md §8: 90 days of a healthy flywheel, alarms evaluated after every simulated day as
// the schedule would in real time. Nothing may fire.
let fw: TestFlywheel;
const fired: string[] = [];

beforeAll(async () => {
  fw = await startTestFlywheel();
  await simulateInto(fw, healthyScenario({ days: 90, dailyVolume: 250, seed: 3 }), {
    evaluateAlarmsEveryDays: 1,
  });
  const all = (await (await fetch(`${fw.apiUrl}/api/v1/alarms`)).json()) as AlarmList;
  for (const a of all.items)
    fired.push(
      `${a.firedAt} ${a.kind} ${a.workloadId} ${a.modelVersion ?? ''} ${JSON.stringify(a.evidence)}`,
    );
}, 600_000);
afterAll(() => fw?.dispose());

describe('healthy control over 90 days', () => {
  it('fires nothing', () => {
    expect(fired).toEqual([]);
  });
});
