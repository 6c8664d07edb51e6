import type { GoldenSetBody, WindowedBody } from './api-client';
import { GOLDEN_SET_SIZE, goldenSet } from './cycles';
import { DAY_MS, dayTime } from './timeline';
import type { SimulationPlan } from './types';

export type CurationEvent =
  | { atMs: number; kind: 'golden-set'; body: GoldenSetBody }
  | { atMs: number; kind: 'dataset'; body: WindowedBody };

/** The lag a team keeps between a window's end and the set drawn from it (the API's default). */
const LAG_DAYS = 14;
/** The day the golden sets are drawn: three weeks in, from the first week's reviewed traffic. */
const GOLDEN_DAY = 21;
/** A training set's window: the 30 days that end LAG_DAYS before the end of the run. */
const TRAINING_WINDOW_DAYS = 30;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * What an ML team curates besides its cycles, at event times: per workload, the golden eval set its
 * offline evals are named after (drawn on day 21 from the first week, whose reviews are done by then),
 * and a training dataset of the last month that keeps the lag, frozen on the last day. Runs too short
 * for the lag curate nothing.
 */
export function curationEvents(plan: SimulationPlan): CurationEvent[] {
  const events: CurationEvent[] = [];
  const lastMs = dayTime(plan, plan.days) - 1;
  for (const w of plan.workloads) {
    if (plan.days > GOLDEN_DAY) {
      const atMs = dayTime(plan, GOLDEN_DAY);
      events.push({
        atMs,
        kind: 'golden-set',
        body: {
          name: goldenSet(w.id),
          workload: w.id,
          window: { from: iso(dayTime(plan, 0)), to: iso(atMs - LAG_DAYS * DAY_MS) },
          at: iso(atMs),
          size: GOLDEN_SET_SIZE,
        },
      });
    }
    const toMs = lastMs - LAG_DAYS * DAY_MS;
    const fromMs = Math.max(dayTime(plan, 0), toMs - TRAINING_WINDOW_DAYS * DAY_MS);
    if (toMs > fromMs)
      events.push({
        atMs: lastMs,
        kind: 'dataset',
        body: { workload: w.id, window: { from: iso(fromMs), to: iso(toMs) }, at: iso(lastMs) },
      });
  }
  return events.sort((a, b) => a.atMs - b.atMs);
}
