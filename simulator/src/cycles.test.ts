import { describe, expect, it } from 'vitest';
import { cycleEvents } from './cycles';
import { regressionScenario } from './scenarios/regression';

describe('cycleEvents', () => {
  const plan = regressionScenario({ days: 28, dailyVolume: 100, rollbackAfterDays: 3 });
  const events = cycleEvents(plan);
  const of = (id: string) =>
    events.filter((e) => (e.kind === 'post' ? e.body.id : e.kind === 'patch' ? e.id : '') === id);

  it('walks each cycle through training, evaluating, deployed and, for the bad one, rolled back', () => {
    const bad = of('support-chat-cycle-2');
    expect(bad.map((e) => (e.kind === 'post' || e.kind === 'patch' ? e.body.status : e.kind))).toEqual([
      'training',
      'evaluating',
      'deployed',
      'rolled_back',
    ]);
    const [post, , deployed, rolledBack] = bad;
    expect(post!.kind === 'post' && post!.body).toMatchObject({
      workloadId: 'support-chat',
      modelVersion: 'support-chat-v2',
      parentVersion: 'support-chat-v1',
    });
    // Not deployed yet: no deployedAt at all (the API refuses null).
    expect(post!.kind === 'post' && 'deployedAt' in post!.body).toBe(false);
    const version = plan.versions.find((v) => v.version === 'support-chat-v2')!;
    const deployMs = Date.parse(plan.start) + (version.deployDay! * 24 + plan.deployHour) * 3_600_000;
    expect(deployed!.atMs).toBe(deployMs);
    expect(deployed!.kind === 'patch' && deployed!.body.deployedAt).toBe(new Date(deployMs).toISOString());
    expect(rolledBack!.kind === 'patch' && rolledBack!.body.rolledBackAt).toBe(
      new Date(deployMs + 3 * 86_400_000).toISOString(),
    );
  });

  it('posts offline evals for every version, the base ones at the start', () => {
    const evals = events.flatMap((e) => (e.kind === 'evals' ? e.evals : []));
    expect(new Set(evals.map((e) => e.modelVersion))).toEqual(new Set(plan.versions.map((v) => v.version)));
    expect(evals.every((e) => e.n === 200 && e.goldenSet === `${e.workloadId}-golden-v1`)).toBe(true);
  });

  it('is in event-time order, with data windows closed before training starts', () => {
    expect(events.map((e) => e.atMs)).toEqual([...events.map((e) => e.atMs)].sort((a, b) => a - b));
    for (const e of events) {
      if (e.kind === 'post') expect(Date.parse(e.body.dataWindow.to)).toBeLessThanOrEqual(e.atMs);
    }
  });
});
