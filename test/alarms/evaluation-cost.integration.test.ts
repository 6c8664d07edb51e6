import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlarmServices, type AlarmServices } from '@flywheel/api';
import {
  formatEventTime,
  insertInteractions,
  insertSignals,
  type ClickHouseClient,
  type InteractionRow,
  type SignalRow,
} from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { DAY, START, dayOfTraffic } from './traffic';

// What one alarm evaluation costs must follow the windows it evaluates, not how many workloads and
// versions a project has ever seen: a sender with random workload ids (the fuzz harness, a buggy app)
// once made one evaluation take over a minute, four queries per junk workload and version.
let temp: Awaited<ReturnType<typeof openTempStorage>>;
let alarms: AlarmServices;
let queries = 0;

/** The real client, counting the queries it runs. */
function counting(client: ClickHouseClient): ClickHouseClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      // The project's alert settings are read through a cache that expires on a timer: not counted.
      if (property === 'query')
        return (...args: Parameters<ClickHouseClient['query']>) => {
          if (!args[0].query.includes('FROM alert_configs')) queries++;
          return target.query(...args);
        };
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const ns = (ms: number) => formatEventTime(BigInt(ms) * 1_000_000n);
const AS_OF = ns(START + 10 * DAY - 1);

beforeAll(async () => {
  temp = await openTempStorage();
  alarms = createAlarmServices(counting(temp.storage.client));
  // support: 300 interactions a day for ten days; 4% regenerated, then 30% on the last day.
  const interactions: InteractionRow[] = [];
  const signals: SignalRow[] = [];
  for (let day = 0; day < 10; day++) {
    const t = dayOfTraffic({ workload: 'support', version: 'v1', day, n: 300, successRate: 0.8 });
    interactions.push(...t.interactions);
    signals.push(...t.signals);
    const share = day === 9 ? 0.3 : 0.04;
    t.interactions.forEach((row, i) => {
      if (i % Math.round(1 / share) !== 0) return;
      signals.push({ ...t.signals[i]!, signal_id: `r-${row.request_id}`, kind: 'regenerated' });
    });
  }
  await insertInteractions(temp.storage.client, interactions);
  await insertSignals(temp.storage.client, signals);
}, 120_000);
afterAll(() => temp.dispose());

async function evaluate() {
  const before = queries;
  const result = await alarms.evaluator.evaluate('default', AS_OF);
  await alarms.notifier.idle();
  return { result, queries: queries - before };
}

describe('one alarm evaluation', () => {
  it('runs as many queries with 3,000 junk workloads as without them, and finds the same', async () => {
    const first = await evaluate();
    expect(first.result.fired.map((a) => `${a.kind} ${a.workloadId}`)).toContain(
      'regeneration_spike support',
    );
    const clean = await evaluate();

    // One interaction each, in the windows evaluated, under its own workload and version.
    const junk: InteractionRow[] = [];
    const template = dayOfTraffic({ workload: 'x', version: 'x', day: 9, n: 1, successRate: 1 });
    for (let i = 0; i < 3_000; i++) {
      const id = `junk-${i}`;
      junk.push({
        ...template.interactions[0]!,
        trace_id: id,
        span_id: id,
        request_id: id,
        workload_id: `w-${i}`,
        model_version: `v-${i}`,
        time: ns(START + 9 * DAY + i * 1_000),
      });
    }
    await insertInteractions(temp.storage.client, junk);
    const polluted = await evaluate();

    console.log(
      `queries per evaluation: ${clean.queries} without junk workloads, ${polluted.queries} with 3,000`,
    );
    expect(polluted.queries).toBe(clean.queries);
    // The junk shifts the project's traffic mix (a drift finding may fire), but no junk workload pages,
    // and what held before still holds.
    expect(polluted.result.fired.filter((a) => a.workloadId.startsWith('w-'))).toEqual([]);
    expect(polluted.result.resolved).toEqual([]);
    expect(polluted.result.unchanged).toBe(clean.result.unchanged);
  }, 300_000);
});
