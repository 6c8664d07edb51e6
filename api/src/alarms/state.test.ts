import { describe, expect, it } from 'vitest';
import { transition } from './state';
import type { Alarm, AlarmKind, Condition } from './types';

const condition = (kind: AlarmKind = 'regression_after_deploy', version = 'v2'): Condition => ({
  kind,
  severity: 'critical',
  workloadId: 'w',
  modelVersion: version,
  evidence: { deltaPoints: -8 },
  recommendation: 'Roll back w to v1',
});
const all = new Set<AlarmKind>(['regression_after_deploy', 'regeneration_spike']);
const step = (
  known: Alarm[],
  conditions: Condition[],
  asOf: string,
  evaluatedKinds: ReadonlySet<AlarmKind> = all,
) => transition({ projectId: 'p', known, conditions, evaluatedKinds, asOf, cooldownHours: 24 });

describe('alarm state machine', () => {
  it('fires once for a condition, and a persisting condition pages nobody again', () => {
    const first = step([], [condition()], '2026-11-10 00:00:00.000000');
    expect(first.fired).toHaveLength(1);
    expect(first.fired[0]).toMatchObject({
      state: 'firing',
      firedAt: '2026-11-10 00:00:00.000000',
      kind: 'regression_after_deploy',
    });
    const second = step(first.fired, [condition()], '2026-11-10 01:00:00.000000');
    expect(second).toMatchObject({ fired: [], resolved: [], unchanged: 1 });
  });

  it('resolves when the condition is gone, keeping the same id', () => {
    const [alarm] = step([], [condition()], '2026-11-10 00:00:00.000000').fired;
    const later = step([alarm!], [], '2026-11-12 00:00:00.000000');
    expect(later.resolved).toEqual([
      {
        ...alarm,
        state: 'resolved',
        resolvedAt: '2026-11-12 00:00:00.000000',
        evaluatedAt: '2026-11-12 00:00:00.000000',
      },
    ]);
  });

  it('is not resolved by an evaluation earlier than the one that fired it', () => {
    const [alarm] = step([], [condition()], '2026-11-10 00:00:00.000000').fired;
    // The day before the deploy, the regression cannot be seen yet; that is no resolve.
    expect(step([alarm!], [], '2026-11-09 00:00:00.000000')).toMatchObject({ resolved: [], fired: [] });
    expect(step([alarm!], [], '2026-11-11 00:00:00.000000').resolved).toHaveLength(1);
  });

  it('does not page again within the cooldown after a resolve, and does after it', () => {
    const [alarm] = step([], [condition()], '2026-11-10 00:00:00.000000').fired;
    const [resolved] = step([alarm!], [], '2026-11-11 00:00:00.000000').resolved;
    expect(step([resolved!], [condition()], '2026-11-11 12:00:00.000000')).toMatchObject({
      fired: [],
      unchanged: 1,
    });
    const again = step([resolved!], [condition()], '2026-11-12 00:00:01.000000');
    expect(again.fired).toHaveLength(1);
    expect(again.fired[0]!.id).not.toBe(alarm!.id);
  });

  it('never resolves an alarm whose detector did not run', () => {
    const [alarm] = step([], [condition('regeneration_spike', '')], '2026-11-10 00:00:00.000000').fired;
    const skipped = step([alarm!], [], '2026-11-11 00:00:00.000000', new Set(['regression_after_deploy']));
    expect(skipped.resolved).toEqual([]);
  });

  it('keeps different versions, kinds and workloads apart', () => {
    const t = step(
      [],
      [
        condition('regression_after_deploy', 'v2'),
        condition('regression_after_deploy', 'v3'),
        condition('regeneration_spike', ''),
      ],
      '2026-11-10 00:00:00.000000',
    );
    expect(new Set(t.fired.map((a) => a.id)).size).toBe(3);
  });
});
