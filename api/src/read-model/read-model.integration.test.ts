import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { addDays, isoToEventTime } from '../analytics/time';
import { at, interaction, plusDays, signal } from '../fixtures/rows';
import { insertGateConfig } from '../queries/gate-config';
import { interactionOutcomesSql, scopeParams, type Scope } from '../queries/outcomes';
import { versionWindowCounts, type VersionWindow } from '../queries/cycle-metrics';
import {
  activityBuckets,
  activityBucketsByWorkload,
  activityByWorkload,
  activityWithRecent,
} from '../queries/velocity';
import { maintainReadModel } from './maintain';
import { versionExtents } from '../queries/data-meta';
import { countInteractions } from '../queries/interactions';
import { DEFAULT_GATE_CONFIG } from '../queries/gate';
import { daysToSeal } from './seals';
import { planRead } from './split';
import { seededRandom } from '../fixtures/random';
import { biasCells } from '../queries/feedback-checks/bias';
import { survivorshipSegments } from '../queries/feedback-checks/survivorship';
import { CORRECTNESS_SQL } from '../queries/verdicts';
import { driftBins, type BinCounts } from '../queries/feedback-checks/drift';
import { referenceDriftBins } from '../fixtures/drift-reference';

// Seeded random traffic over 40 days; the read model's answers must equal the raw-row reference exactly
// for random asOf, workload, range, bucket and signal window — also after late data lands in sealed days.
let env: Awaited<ReturnType<typeof openTempStorage>>;
const T0 = '2026-01-01T00:00:00Z';
const DAYS = 40;
const KINDS = ['thumbs_up', 'thumbs_down', 'accepted', 'copied', 'edited', 'regenerated', 'corrected'];

const rnd = seededRandom(13);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

function traffic(prefix: string, count: number, fromDay: number, toDay: number) {
  const interactions: InteractionRow[] = [];
  const signals: SignalRow[] = [];
  const labels: { reviews: unknown[]; judgments: unknown[] } = { reviews: [], judgments: [] };
  for (let n = 0; n < count; n++) {
    const id = `${prefix}${n}`;
    const time = plusDays(T0, fromDay + rnd() * (toDay - fromDay));
    const row = interaction(id, time, {
      project_id: 'p',
      workload_id: pick(['w0', 'w1', 'w2']),
      model_version: pick(['v1', 'v2']),
      user_id: rnd() < 0.1 ? '' : `u${Math.floor(rnd() * 50)}`,
      latency_ms: Math.round(rnd() * 3000),
      response_words: Math.floor(rnd() * 200),
      // The drift check's bins: many ties at the deciles' positions, a quarter without a quality score.
      prompt_chars: Math.floor(rnd() * 40) * 10,
      quality_score: rnd() < 0.25 ? null : Math.round(rnd() * 20) / 20,
      language: pick(['en', 'en', 'de', '']),
    });
    // Correctness labels (the latency-bias population): judges on a third, reviewers on a few.
    const labelled = { project_id: 'p', request_id: id, time: at(plusDays(time, rnd() * 2)) };
    if (rnd() < 0.3)
      labels.judgments.push({
        ...labelled,
        judge_id: 'j',
        metric: 'accuracy',
        passed: rnd() < 0.7,
        label: '',
      });
    if (rnd() < 0.05)
      labels.reviews.push({ ...labelled, reviewer: 'r', labels: { accuracy: rnd() < 0.5 }, passed: true });
    interactions.push(row);
    // Re-deliveries: the same span twice.
    if (rnd() < 0.05) interactions.push({ ...row });
    const signalCount = Math.floor(rnd() * 3);
    for (let k = 0; k < signalCount; k++) {
      // Mostly inside a day's window, some before the response (skew), some after two days (too late).
      const offset = pick([0.001, 0.2, 0.9, 1.5, 2.5, -0.5]) * (0.5 + rnd());
      const kind = pick(KINDS);
      signals.push(
        signal(id, kind, plusDays(time, offset), {
          project_id: 'p',
          signal_id: `${id}-${k}`,
          value: kind === 'edited' ? rnd() : null,
          correction: kind === 'corrected' ? 'fixed' : '',
        }),
      );
    }
  }
  return { interactions, signals, ...labels };
}

async function load(t: ReturnType<typeof traffic>) {
  await insertInteractions(env.storage.client, t.interactions);
  await insertSignals(env.storage.client, t.signals);
  for (const table of ['reviews', 'judgments'] as const)
    await env.storage.client.insert({ table, values: t[table], format: 'JSONEachRow' });
}

/** The raw-row reference: the outcome rule over every interaction of the scope, as before the read model. */
type Grouping = 'day' | 'week' | 'workload' | 'workload-day';

async function reference(scope: Scope, bucket: Grouping) {
  const key =
    bucket === 'workload'
      ? 'workload_id'
      : bucket === 'workload-day'
        ? "concat(workload_id, '|', toString(toDate(time)))"
        : bucket === 'week'
          ? 'toString(toMonday(time))'
          : 'toString(toDate(time))';
  const result = await env.storage.client.query({
    query: `SELECT ${key} AS k, count() AS interactions, countIf(outcome != 'unknown') AS candidates,
        countIf(outcome = 'success') AS successes, countIf(has_explicit) AS explicit
      FROM (${interactionOutcomesSql(['workload_id'])}) GROUP BY k ORDER BY k`,
    query_params: scopeParams(scope),
    format: 'JSONEachRow',
  });
  return (await result.json<Record<string, string>>()).map((r) => ({
    key: r.k,
    interactions: Number(r.interactions),
    candidates: Number(r.candidates),
    successes: Number(r.successes),
    explicit: Number(r.explicit),
  }));
}

async function fast(scope: Scope, bucket: Grouping) {
  if (bucket === 'workload-day')
    return (await activityBucketsByWorkload(env.storage.client, scope, 'day')).map(
      ({ workloadId, bucket: day, ...c }) => ({ key: `${workloadId}|${day}`, ...c }),
    );
  if (bucket === 'workload')
    return (await activityByWorkload(env.storage.client, scope)).map(({ workloadId, ...c }) => ({
      key: workloadId,
      ...c,
    }));
  return (await activityBuckets(env.storage.client, scope, bucket)).map(({ bucket: key, ...c }) => ({
    key,
    ...c,
  }));
}

function randomScope(): Scope {
  const from = rnd() * DAYS;
  const to = from + rnd() * (DAYS + 5 - from);
  const asOf = from + rnd() * (DAYS + 8 - from);
  // Whole-day bounds half of the time: the common dashboard case, where every day can be sealed.
  const t = (d: number) => isoToEventTime(plusDays(T0, rnd() < 0.5 ? Math.round(d) : d));
  return {
    projectId: 'p',
    workload: pick(['', 'w0', 'w1', 'w2']),
    from: t(from),
    to: t(to),
    asOf: t(asOf),
    signalWindowHours: pick([24, 48]),
  };
}

/** The raw-row reference of cycles' arms: each version window's counts over its own scope. */
async function referenceWindow(w: VersionWindow, asOf: string, signalWindowHours: number) {
  const scope = { projectId: 'p', workload: w.workload, from: w.from, to: w.to, asOf, signalWindowHours };
  const result = await env.storage.client.query({
    query: `SELECT count() AS interactions, countIf(outcome != 'unknown') AS candidates,
        countIf(outcome = 'success') AS successes
      FROM (${interactionOutcomesSql(['model_version'])}) WHERE model_version = {version:String}`,
    query_params: { ...scopeParams(scope), version: w.version },
    format: 'JSONEachRow',
  });
  const [r] = await result.json<Record<string, string>>();
  return {
    interactions: Number(r!.interactions),
    candidates: Number(r!.candidates),
    successes: Number(r!.successes),
  };
}

/** The raw-row reference of the data's extents: every interaction once, from the facts alone. */
async function referenceExtents() {
  const result = await env.storage.client.query({
    query: `SELECT workload_id AS workloadId, model_version AS modelVersion,
        uniqExact(time, trace_id, span_id) AS n, toString(min(time)) AS firstSeen, toString(max(time)) AS lastSeen
      FROM interaction_facts WHERE project_id = 'p' GROUP BY workloadId, modelVersion`,
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    workloadId: string;
    modelVersion: string;
    n: string;
    firstSeen: string;
    lastSeen: string;
  }>();
  return rows.map(({ n, ...r }) => ({ ...r, interactions: Number(n) }));
}

/** The raw-row reference of the explorer's total: every selected interaction once, in the facts. */
async function referenceCount(scope: Scope, modelVersion: string) {
  const result = await env.storage.client.query({
    query: `SELECT uniqExact(time, trace_id, span_id) AS n FROM interaction_facts
      WHERE project_id = 'p' AND ({workload:String} = '' OR workload_id = {workload:String})
        AND ({modelVersion:String} = '' OR model_version = {modelVersion:String})
        AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}`,
    query_params: { ...scope, modelVersion },
    format: 'JSONEachRow',
  });
  return Number((await result.json<{ n: string }>())[0]!.n);
}

const byVersion = <T extends { workloadId: string; modelVersion: string }>(xs: T[]) =>
  xs
    .map((x) => ({ ...x }))
    .sort((a, b) => `${a.workloadId}/${a.modelVersion}`.localeCompare(`${b.workloadId}/${b.modelVersion}`));

async function expectEquivalent(cases: number): Promise<number> {
  // The data's extents (the meta endpoint): sealed days' counts plus the rest from the facts.
  const extents = byVersion(await versionExtents(env.storage.client, 'p'));
  expect(extents).toEqual(byVersion(await referenceExtents()));
  let sealedDays = 0;
  for (let c = 0; c < cases; c++) {
    const scope = randomScope();
    sealedDays += (await planRead(env.storage.client, scope)).sealed.length;
    // The explorer's total: sealed days' counts plus the rest from the facts.
    const modelVersion = pick(['', 'v1', 'v2']);
    const filter = {
      ...scope,
      modelVersion,
      gateConfig: { ...DEFAULT_GATE_CONFIG, signalWindowHours: scope.signalWindowHours },
    };
    expect(await countInteractions(env.storage.client, filter), JSON.stringify(filter)).toBe(
      await referenceCount(scope, modelVersion),
    );
    for (const bucket of ['day', 'week', 'workload', 'workload-day'] as const)
      expect(await fast(scope, bucket), JSON.stringify({ scope, bucket })).toEqual(
        await reference(scope, bucket),
      );
    // Velocity's series and its recent days in one read: sealed days a boundary cuts split row by row.
    const { from: recentFrom, to: recentTo } = randomScope();
    const recent = { from: recentFrom, to: recentTo };
    const both = await activityWithRecent(env.storage.client, scope, 'day', recent);
    expect(
      both.buckets.map(({ workloadId, bucket: day, ...c }) => ({ key: `${workloadId}|${day}`, ...c })),
      JSON.stringify({ scope, recent }),
    ).toEqual(await reference(scope, 'workload-day'));
    expect(
      both.recent
        .map(({ workloadId, ...c }) => ({ key: workloadId, ...c }))
        .sort((a, b) => a.key.localeCompare(b.key)),
      JSON.stringify({ scope, recent }),
    ).toEqual(await reference({ ...scope, from: recent.from, to: recent.to }, 'workload'));
    // Per-user and per-interaction outcomes (survivorship, latency bias): sealed rows plus the raw rest.
    const client = env.storage.client;
    const survivors = await survivorshipSegments(client, scope);
    expect(survivors, JSON.stringify(scope)).toEqual(
      await survivorshipSegments(client, scope, {
        sql: interactionOutcomesSql(['user_id']),
        params: {},
      }),
    );
    const bias = await biasCells(client, scope);
    expect(bias, JSON.stringify(scope)).toEqual(
      await biasCells(client, scope, {
        sql: interactionOutcomesSql(
          ['latency_ms', 'response_words'],
          `i.request_id IN (SELECT request_id FROM (${CORRECTNESS_SQL}))`,
        ),
        params: {},
      }),
    );
    // The drift check's bins: windows ending at the scope's asOf, of random lengths.
    const curStart = addDays(scope.asOf, -rnd() * 8);
    const drift = {
      projectId: 'p',
      workload: scope.workload,
      baseStart: addDays(curStart, -rnd() * 20),
      curStart,
      asOf: scope.asOf,
    };
    const bins = await driftBins(client, { ...drift, signalWindowHours: scope.signalWindowHours });
    const byBin = (xs: BinCounts[]) =>
      [...xs].sort((a, b) => `${a.dimension}/${a.bin}`.localeCompare(`${b.dimension}/${b.bin}`));
    expect(byBin(bins), JSON.stringify(drift)).toEqual(byBin(await referenceDriftBins(client, drift)));
    compared.binned += bins.reduce((n, x) => n + x.baseline + x.current, 0);
    compared.users += survivors.segments.reduce((n, x) => n + x.users, 0) + survivors.anonymous;
    compared.labelled += bias.cells.reduce((n, x) => n + x.n, 0);
    // Cycles' arms: a few version windows, cut mid-day half of the time, under the scope's asOf.
    const windows = Array.from({ length: 3 }, () => {
      const w = randomScope();
      return { workload: pick(['w0', 'w1', 'w2']), version: pick(['v1', 'v2']), from: w.from, to: w.to };
    });
    const counts = await versionWindowCounts(env.storage.client, {
      projectId: 'p',
      asOf: scope.asOf,
      signalWindowHours: scope.signalWindowHours,
      windows,
    });
    for (const [k, w] of windows.entries())
      expect(counts[k], JSON.stringify({ w, scope })).toEqual(
        await referenceWindow(w, scope.asOf, scope.signalWindowHours),
      );
  }
  return sealedDays;
}

// What the per-user and per-interaction comparisons covered: a test that compared empty answers fails.
const compared = { users: 0, labelled: 0, binned: 0 };

beforeAll(async () => {
  env = await openTempStorage();
  // A second signal window in force for one workload: each window is sealed apart.
  await insertGateConfig(env.storage.client, {
    projectId: 'p',
    workloadId: 'w1',
    version: 1,
    config: { signalWindowHours: 48 },
  });
  await load(traffic('a', 4000, 0, DAYS));
});
afterAll(() => env.dispose());

describe('read model', () => {
  it('reads nothing sealed before maintenance, and equals the reference', async () => {
    expect(await expectEquivalent(5)).toBe(0);
  });

  it('seals every closed day under each window, then answers from seals exactly as the raw rows do', async () => {
    const first = await maintainReadModel(env.storage.client);
    expect(first.sealedDays).toBeGreaterThan(2 * (DAYS - 5));
    expect((await maintainReadModel(env.storage.client)).sealedDays).toBe(0);
    expect(await expectEquivalent(25)).toBeGreaterThan(50);
  }, 240_000);

  it('reads a day with late interactions or signals from raw rows until it is sealed again', async () => {
    const late = traffic('late', 300, 2, 12);
    // Late signals for old interactions, too.
    late.signals.push(
      signal('a1', 'thumbs_down', plusDays(T0, 30), { project_id: 'p', signal_id: 'late-a1' }),
    );
    await load(late);
    const client = env.storage.client;
    expect(
      (await daysToSeal(client, 'p', 86_400, isoToEventTime(plusDays(T0, DAYS)))).length,
    ).toBeGreaterThan(5);
    await expectEquivalent(10);
    const resealed = await maintainReadModel(client);
    expect(resealed.sealedDays).toBeGreaterThan(10);
    expect(await daysToSeal(client, 'p', 86_400, isoToEventTime(plusDays(T0, DAYS)))).toEqual([]);
    expect(await expectEquivalent(15)).toBeGreaterThan(30);
    expect(compared.users).toBeGreaterThan(1000);
    expect(compared.labelled).toBeGreaterThan(1000);
    expect(compared.binned).toBeGreaterThan(10_000);
  }, 240_000);
});
