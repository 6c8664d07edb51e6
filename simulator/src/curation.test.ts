import { describe, expect, it } from 'vitest';
import { cycleEvents, goldenSet } from './cycles';
import { curationEvents } from './curation';
import { regressionScenario } from './scenarios/regression';
import { DAY_MS } from './timeline';

describe('curation events', () => {
  const plan = regressionScenario({ days: 60, dailyVolume: 100, rollbackAfterDays: 3 });
  const events = curationEvents(plan);

  it('draws one golden set per workload on day 21, named as its evals, from a window that keeps the lag', () => {
    const golden = events.flatMap((e) => (e.kind === 'golden-set' ? [e] : []));
    expect(golden.map((g) => g.body.workload).sort()).toEqual(plan.workloads.map((w) => w.id).sort());
    const evalSets = new Set(
      cycleEvents(plan).flatMap((e) => (e.kind === 'evals' ? e.evals.map((v) => v.goldenSet) : [])),
    );
    for (const g of golden) {
      expect(g.body.name).toBe(goldenSet(g.body.workload));
      expect(evalSets.has(g.body.name) || plan.workloads.length > 1).toBe(true);
      expect(Date.parse(g.body.at) - Date.parse(g.body.window.to)).toBeGreaterThanOrEqual(14 * DAY_MS);
      expect(g.atMs).toBe(Date.parse(g.body.at));
    }
  });

  it('freezes a training dataset per workload on the last day, its window 14 days before', () => {
    const datasets = events.flatMap((e) => (e.kind === 'dataset' ? [e] : []));
    expect(datasets).toHaveLength(plan.workloads.length);
    for (const d of datasets) {
      expect(Date.parse(d.body.at) - Date.parse(d.body.window.to)).toBe(14 * DAY_MS);
      expect(Date.parse(d.body.window.to) - Date.parse(d.body.window.from)).toBe(30 * DAY_MS);
    }
  });

  it('curates nothing a short run cannot keep the lag for', () => {
    expect(curationEvents({ ...plan, days: 10 })).toEqual([]);
  });

  it('cuts each cycle’s snapshot before its eval, within the lag the schedule leaves', () => {
    const all = cycleEvents(plan);
    const snapshots = all.flatMap((e) => (e.kind === 'snapshot' ? [e] : []));
    expect(snapshots.length).toBeGreaterThan(0);
    for (const s of snapshots) {
      const post = all.find((e) => e.kind === 'post' && e.body.id === s.id);
      const windowTo = post && post.kind === 'post' ? Date.parse(post.body.dataWindow.to) : NaN;
      expect(Date.parse(s.at) - windowTo).toBeGreaterThanOrEqual(s.lagDays * DAY_MS);
      expect(s.lagDays).toBeLessThanOrEqual(14);
      const evaluating = all.find(
        (e) => e.kind === 'patch' && e.id === s.id && e.body.status === 'evaluating',
      );
      expect(s.atMs).toBeLessThanOrEqual(evaluating!.atMs);
    }
  });
});
