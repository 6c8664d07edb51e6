import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CycleList,
  GateReport,
  GateSettings,
  Interaction,
  InteractionList,
  LatencyBiasCheck,
  SurvivorshipCheck,
  SycophancyCheck,
  VelocityReport,
} from '@flywheel/api';
import { EXPLICIT_SIGNAL_KINDS } from '@flywheel/semconv';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { expectSuccess, exportSpans, recordSpans } from '../support/otel';
import { PATTERNS, type Pattern } from './cases';
import { countedSignals, decide, type Decision, type Outcome, type RuleSignal } from './reference-rule';

// Every endpoint that reports an outcome must report, for every interaction, the outcome of one rule,
// and that rule must be docs/design.md §3's (written out independently in ./reference-rule). The
// interactions go in through OTLP with the real exporter, the signals through POST /api/v1/signals.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const AS_OF = Date.parse('2026-11-10T12:00:00Z');
const DEPLOY = AS_OF - 2 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
const FROM = iso(AS_OF - 10 * DAY);

interface Instance {
  requestId: string;
  workload: string;
  version: string;
  timeMs: number;
  pattern: Pattern;
  signals: RuleSignal[];
}

const instances: Instance[] = [];
function place(pattern: Pattern, timeMs: number, requestId: string, workload: string, version: string) {
  const signals = pattern.signals.map((p) => ({
    kind: p.kind,
    timeMs: (p.afterAsOf ? AS_OF : timeMs) + p.at,
    ...(p.value === undefined ? {} : { value: p.value }),
    explicit: EXPLICIT_SIGNAL_KINDS.has(p.kind),
  }));
  instances.push({ requestId, workload, version, timeMs, pattern, signals });
}
const closed = PATTERNS.filter((p) => !p.open);
const open = PATTERNS.filter((p) => p.open);
// One workload and version per pattern, so per-workload and per-version reports isolate it...
closed.forEach((p, k) => place(p, AS_OF - 3 * DAY + k * 10 * MINUTE, p.id, `case-${p.id}`, `v-${p.id}`));
open.forEach((p, k) => place(p, AS_OF - 3 * HOUR + k * 5 * MINUTE, p.id, `case-${p.id}`, `v-${p.id}`));
// ...and every pattern again in both arms of a deployed cycle: v1 before the deploy, v2 after it.
closed.forEach((p, k) => place(p, DEPLOY - DAY + k * 10 * MINUTE + MINUTE, `v1-${p.id}`, 'arms', 'v1'));
closed.forEach((p, k) => place(p, AS_OF - 36 * HOUR + k * 10 * MINUTE, `v2-${p.id}`, 'arms', 'v2'));
open.forEach((p, k) => place(p, AS_OF - 3 * HOUR + k * 5 * MINUTE + 2 * MINUTE, `v2o-${p.id}`, 'arms', 'v2'));

// Thirty words drawn per interaction, so no two responses are near-duplicates and every other gate
// rule passes: the outcome is the only reason the gate can reject.
const WORDS = (
  'river stone garden window paper candle orange silver morning valley harbor meadow lantern forest ' +
  'pencil basket mirror thunder blanket castle engine feather island jacket kettle ladder marble needle ' +
  'ocean pillow quilt rocket saddle tunnel umbrella violin wagon yarn zebra anchor bridge cactus dolphin ' +
  'eagle fabric glacier hammer igloo jungle kitten lemon magnet nutmeg orchard parrot quartz raven ' +
  'spoon tiger velvet walnut bamboo cobalt desert ember falcon granite hollow indigo jasmine kayak'
).split(' ');
function answer(seed: number): string {
  let x = seed * 7919 + 17;
  const words: string[] = [];
  while (words.length < 30) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const word = WORDS[x % WORDS.length]!;
    if (!words.includes(word)) words.push(word);
  }
  return `${words.join(' ')}.`;
}

let fw: TestFlywheel;
let allowedKinds: string[];
let windowHours: number;

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${fw.apiUrl}${path}`);
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${fw.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
}

/** The reference rule as of `asOfMs`, over all, the explicit or the implicit signals. */
function expected(i: Instance, asOfMs = AS_OF, subset: 'all' | 'explicit' | 'implicit' = 'all'): Decision {
  const counted = countedSignals(i.signals, i.timeMs, asOfMs, windowHours);
  return decide(subset === 'all' ? counted : counted.filter((s) => s.explicit === (subset === 'explicit')));
}
const known = (o: Outcome) => (o === 'unknown' ? 0 : 1);
const success = (o: Outcome) => (o === 'success' ? 1 : 0);
const evaluated = (i: Instance) => i.timeMs + windowHours * HOUR <= AS_OF;
const gateReasons = (i: Instance) => {
  const deciding = expected(i).deciding;
  return deciding !== null && allowedKinds.includes(deciding) ? [] : ['outcome'];
};
const byId = <T extends { requestId: string }>(items: T[]) => new Map(items.map((x) => [x.requestId, x]));
const cases = () => instances.filter((i) => i.workload.startsWith('case-'));

beforeAll(async () => {
  fw = await startTestFlywheel();
  const spans = await recordSpans('outcome-app', (tracer) => {
    instances.forEach((i, n) =>
      tracer
        .startSpan('chat gpt-4o', {
          startTime: i.timeMs,
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': 'openai',
            'gen_ai.request.model': 'gpt-4o',
            'flywheel.request_id': i.requestId,
            'flywheel.workload_id': i.workload,
            'flywheel.model_version': i.version,
            'flywheel.user_id': `user-${i.requestId}`,
            'gen_ai.input.messages': JSON.stringify([
              { role: 'user', parts: [{ type: 'text', content: `Tell me about item ${n}, please.` }] },
            ]),
            'gen_ai.output.messages': JSON.stringify([
              { role: 'assistant', parts: [{ type: 'text', content: answer(n) }] },
            ]),
          },
        })
        .end(i.timeMs + 1000),
    );
  });
  expectSuccess(await exportSpans('protobuf', fw.otlpUrl, spans));
  await post('/api/v1/signals', {
    signals: instances.flatMap((i) =>
      i.pattern.signals.map((p, n) => ({
        id: `${i.requestId}#${n}`,
        requestId: i.requestId,
        kind: p.kind,
        time: iso(i.signals[n]!.timeMs),
        ...(p.value === undefined ? {} : { value: p.value }),
        ...(p.correction === undefined ? {} : { correction: p.correction }),
      })),
    ),
  });
  // A correctness label on every interaction, so the latency-bias check counts every known outcome.
  await post('/api/v1/reviews', {
    reviews: instances.map((i) => ({
      requestId: i.requestId,
      reviewer: 'reviewer-1',
      time: iso(i.timeMs + HOUR),
      labels: { accuracy: true, helpfulness: true, safety: true },
    })),
  });
  await post('/api/v1/cycles', {
    id: 'arms-cycle',
    workloadId: 'arms',
    modelVersion: 'v2',
    parentVersion: 'v1',
    dataWindow: { from: iso(DEPLOY - 20 * DAY), to: iso(DEPLOY - 13 * DAY) },
    status: 'deployed',
    deployedAt: iso(DEPLOY),
  });
  const { config } = await get<GateSettings>('/api/v1/gate/config');
  allowedKinds = config.allowedOutcomeKinds;
  windowHours = config.signalWindowHours;
});
afterAll(() => fw?.dispose());

describe('one outcome rule across the API', () => {
  it('tells the patterns apart: the fixture exercises every branch of the rule', () => {
    const outcomes = new Set(instances.map((i) => expected(i).outcome));
    expect(outcomes).toEqual(new Set(['success', 'failure', 'unknown']));
    // Each pattern that puts a signal after asOf, outside the window or in a tie changes the outcome
    // or the deciding kind against a rule that skips that part.
    const at = (id: string) => expected(instances.find((i) => i.requestId === id)!);
    expect(at('thumbs-same-time')).toEqual({ outcome: 'failure', deciding: 'thumbs_down' });
    expect(at('accepted-copied-same-time')).toEqual({ outcome: 'success', deciding: 'copied' });
    expect(at('late-thumbs-down')).toEqual({ outcome: 'success', deciding: 'accepted' });
    expect(at('thumbs-down-at-window-end')).toEqual({ outcome: 'failure', deciding: 'thumbs_down' });
    expect(at('thumbs-down-after-as-of')).toEqual({ outcome: 'success', deciding: 'accepted' });
    expect(at('only-signal-after-as-of')).toEqual({ outcome: 'unknown', deciding: null });
  });

  it('lists each interaction with its outcome and the gate verdict on that outcome', async () => {
    const { items } = await get<InteractionList>(`/api/v1/interactions?limit=1000&asOf=${iso(AS_OF)}`);
    const listed = byId(items);
    expect(listed.size).toBe(instances.length);
    for (const i of instances) {
      const item = listed.get(i.requestId)!;
      const reasons = gateReasons(i);
      const state = !evaluated(i) ? 'pending' : reasons.length === 0 ? 'passed' : 'rejected';
      expect({ id: i.requestId, outcome: item.outcome, gate: item.gate }).toEqual({
        id: i.requestId,
        outcome: expected(i).outcome,
        gate: { state, reasons },
      });
    }
  });

  it('filters the list by the same outcome', async () => {
    for (const outcome of ['success', 'failure', 'unknown'] as const) {
      const { items } = await get<InteractionList>(
        `/api/v1/interactions?limit=1000&asOf=${iso(AS_OF)}&outcome=${outcome}`,
      );
      const want = instances.filter((i) => expected(i).outcome === outcome).map((i) => i.requestId);
      expect(items.map((x) => x.requestId).sort()).toEqual(want.sort());
    }
  });

  it('reports the same outcome in the interaction detail', async () => {
    for (const i of instances) {
      const { item } = await get<{ item: Interaction }>(
        `/api/v1/interactions/${i.requestId}?asOf=${iso(AS_OF)}`,
      );
      expect({ id: i.requestId, outcome: item.outcome }).toEqual({
        id: i.requestId,
        outcome: expected(i).outcome,
      });
    }
  });

  it('evaluates the explorer as of the latest event by default', async () => {
    const latest = Math.max(...instances.flatMap((i) => [i.timeMs, ...i.signals.map((s) => s.timeMs)]));
    expect(latest).toBeGreaterThan(AS_OF);
    const { items } = await get<InteractionList>('/api/v1/interactions?limit=1000');
    const listed = byId(items);
    for (const i of instances)
      expect({ id: i.requestId, outcome: listed.get(i.requestId)!.outcome }).toEqual({
        id: i.requestId,
        outcome: expected(i, latest).outcome,
      });
  });

  it('rejects at the gate on the same deciding signal', async () => {
    for (const i of cases()) {
      const { total } = await get<GateReport>(
        `/api/v1/gate?workload=${i.workload}&from=${FROM}&asOf=${iso(AS_OF)}`,
      );
      const rejected = gateReasons(i).length > 0;
      const { evaluated: n, passed, rejections } = total;
      expect({ id: i.requestId, evaluated: n, passed, rejections }).toEqual({
        id: i.requestId,
        evaluated: evaluated(i) ? 1 : 0,
        passed: evaluated(i) && !rejected ? 1 : 0,
        rejections: evaluated(i) && rejected ? { outcome: 1 } : {},
      });
    }
  });

  it('counts the same successes and candidates in velocity', async () => {
    const report = await get<VelocityReport>(`/api/v1/velocity?from=${FROM}&asOf=${iso(AS_OF)}`);
    const sum = (f: (o: Outcome) => number) => instances.reduce((n, i) => n + f(expected(i).outcome), 0);
    expect(report.totals).toMatchObject({
      interactions: instances.length,
      candidates: sum(known),
      successes: sum(success),
    });
    const phases = new Map(report.workloads.map((w) => [w.workloadId, w.phase]));
    for (const i of cases()) {
      const { outcome } = expected(i);
      expect({ id: i.requestId, ...phases.get(i.workload)! }).toMatchObject({
        id: i.requestId,
        candidates: known(outcome),
        successRate: outcome === 'unknown' ? null : success(outcome),
      });
    }
  });

  it("counts the same outcomes in a cycle's arms", async () => {
    const { items } = await get<CycleList>(`/api/v1/cycles?workload=arms&asOf=${iso(AS_OF)}`);
    const arm = (version: string) => {
      const outcomes = instances.filter((i) => i.version === version).map((i) => expected(i).outcome);
      const n = outcomes.filter((o) => o !== 'unknown').length;
      return { n, rate: outcomes.filter((o) => o === 'success').length / n };
    };
    const onlineDelta = items.find((c) => c.id === 'arms-cycle')!.onlineDelta!;
    expect(onlineDelta.n).toEqual({ version: arm('v2').n, parent: arm('v1').n });
    expect(onlineDelta.successRate.version).toBeCloseTo(arm('v2').rate, 12);
    expect(onlineDelta.successRate.parent).toBeCloseTo(arm('v1').rate, 12);
  });

  it('counts the same explicit and implicit outcomes in the survivorship check', async () => {
    for (const i of cases()) {
      const check = await get<SurvivorshipCheck>(
        `/api/v1/checks/survivorship?workload=${i.workload}&from=${FROM}&asOf=${iso(AS_OF)}`,
      );
      const explicit = expected(i, AS_OF, 'explicit').outcome;
      const implicit = expected(i, AS_OF, 'implicit').outcome;
      expect({ id: i.requestId, ...check.sampleSizes, ...check.statistics }).toMatchObject({
        id: i.requestId,
        explicit: known(explicit),
        implicit: known(implicit),
        explicitSuccessRate: explicit === 'unknown' ? null : success(explicit),
        implicitSuccessRate: implicit === 'unknown' ? null : success(implicit),
      });
    }
  });

  it('counts the same known outcomes in the latency-bias and sycophancy checks', async () => {
    const sycophancy = await get<SycophancyCheck>(
      `/api/v1/checks/sycophancy?from=${FROM}&asOf=${iso(AS_OF)}`,
    );
    for (const i of cases()) {
      const bias = await get<LatencyBiasCheck>(
        `/api/v1/checks/latency-bias?workload=${i.workload}&from=${FROM}&asOf=${iso(AS_OF)}`,
      );
      // The contract leaves each check's sample sizes open (a record of counts); this is sycophancy's.
      const version = sycophancy.sampleSizes[i.version] as {
        known: { sycophantic: number; other: number };
        gatePassed: number;
      };
      expect({
        id: i.requestId,
        labelled: bias.sampleSizes.labelledOutcomes,
        known: version.known.sycophantic + version.known.other,
        gatePassed: version.gatePassed,
      }).toEqual({
        id: i.requestId,
        labelled: known(expected(i).outcome),
        known: known(expected(i).outcome),
        gatePassed: evaluated(i) && gateReasons(i).length === 0 ? 1 : 0,
      });
    }
  });
});
