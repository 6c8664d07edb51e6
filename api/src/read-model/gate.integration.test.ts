import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { effectiveGateConfig } from '../analytics/gate-settings';
import { isoToEventTime } from '../analytics/time';
import { interaction, plusDays, signal } from '../fixtures/rows';
import { gateBuckets, gateQueryParams, GATED_INTERACTIONS_SQL, type GateConfig } from '../queries/gate';
import { gateVerdicts } from '../queries/gate-verdicts';
import { gateConfigHistory, insertGateConfig } from '../queries/gate-config';
import { REVIEW_SAMPLE_PERCENT, reviewQueueByWorkload, reviewQueueStatus } from '../queries/review-queue';
import { reviewQueue } from '../queries/review-candidates';
import { VERSION_WINDOW_REFERENCE_SQL } from '../queries/version-changes';
import { QUEUE_DEFAULTS } from '../curation/review-queue';
import { markerParams, textMarkersSql } from '../fixtures/text-markers-reference';
import { sycophancyByVersion } from '../queries/feedback-checks/sycophancy';
import { planGateRead } from './gate-plan';
import { maintainReadModel } from './maintain';
import { seededRandom } from '../fixtures/random';
import { REVIEW_CANDIDATES_REFERENCE_SQL } from '../fixtures/review-candidates-reference';

// Seeded random traffic over 40 days with shared duplicate keys; the gate's read model must equal the
// raw-row reference (`GATED_INTERACTIONS_SQL`) exactly for random asOf, workload, range, bucket, stored
// and ad-hoc thresholds — before sealing, after it, and after late data lands in sealed days.

let env: Awaited<ReturnType<typeof openTempStorage>>;
const T0 = '2026-01-01T00:00:00Z';
const DAYS = 40;
const KINDS = ['thumbs_up', 'thumbs_down', 'accepted', 'copied', 'edited', 'regenerated', 'corrected'];

const rnd = seededRandom(17);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;

function traffic(prefix: string, count: number, fromDay: number, toDay: number) {
  const interactions: InteractionRow[] = [];
  const signals: SignalRow[] = [];
  for (let n = 0; n < count; n++) {
    const id = `${prefix}${n}`;
    const time = plusDays(T0, fromDay + rnd() * (toDay - fromDay));
    const r = rnd();
    const row = interaction(id, time, {
      project_id: 'p',
      workload_id: pick(['w0', 'w1', 'w2']),
      model_version: pick(['v1', 'v2']),
      // Shared keys make near-duplicates across days; '' never counts as one.
      dup_key: r < 0.6 ? `k${Math.floor(rnd() * 40)}` : r < 0.7 ? '' : `u-${id}`,
      response_words: Math.floor(rnd() * 60),
      toxicity: rnd() < 0.1 ? 0.5 : 0,
      quality_score: rnd() < 0.5 ? null : rnd(),
      language: pick(['en', 'en', 'de']),
      // The review queue's uncertain outputs: below −1, and missing for a third.
      response_mean_logprob: rnd() < 0.3 ? null : -2 * rnd(),
      // Text for the sycophancy lexicon: praise, pushback and a reversal after it.
      prompt: pick(['How do I rotate a key?', 'Are you sure? I read otherwise.', 'No, that is wrong.']),
      response: pick([
        'Open the settings page and choose rotate.',
        "You're absolutely right, open the settings page.",
        'You are right, I was wrong: it is the other page.',
      ]),
    });
    interactions.push(row);
    if (rnd() < 0.05) interactions.push({ ...row });
    const signalCount = Math.floor(rnd() * 3);
    for (let k = 0; k < signalCount; k++) {
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
  return { interactions, signals };
}

async function load(t: ReturnType<typeof traffic>) {
  await insertInteractions(env.storage.client, t.interactions);
  await insertSignals(env.storage.client, t.signals);
}

interface Case {
  workload: string;
  from: string;
  to: string;
  asOf: string;
  bucket: 'day' | 'week';
  config: GateConfig;
}

/** The raw-row reference: the gate's buckets as computed before the read model. */
async function referenceBuckets(c: Case) {
  const bucket = c.bucket === 'week' ? 'toMonday(time)' : 'toDate(time)';
  const result = await env.storage.client.query({
    query: `
      SELECT toString(${bucket}) AS b, count() AS e, countIf(gate_passed) AS p,
        sumMap(gate_reasons, arrayMap(r -> toUInt64(1), gate_reasons)) AS rj
      FROM (${GATED_INTERACTIONS_SQL})
      WHERE evaluated AND time >= {from:DateTime64(6, 'UTC')}
      GROUP BY b ORDER BY b`,
    query_params: { projectId: 'p', ...c, ...gateQueryParams(c.config) },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ b: string; e: string; p: string; rj: [string[], string[]] }>();
  return rows.map((r) => ({
    bucket: r.b,
    evaluated: Number(r.e),
    passed: Number(r.p),
    passRate: Number(r.e) > 0 ? Number(r.p) / Number(r.e) : null,
    rejections: Object.fromEntries(r.rj[0].map((k, i) => [k, Number(r.rj[1][i])])),
  }));
}

async function referenceVerdicts(c: Case, requestIds: string[]) {
  const result = await env.storage.client.query({
    query: `SELECT request_id AS requestId, evaluated, gate_passed AS passed, gate_reasons AS reasons
      FROM (${GATED_INTERACTIONS_SQL}) WHERE request_id IN {requestIds:Array(String)} ORDER BY requestId`,
    query_params: { projectId: 'p', ...c, workload: '', requestIds, ...gateQueryParams(c.config) },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{
    requestId: string;
    evaluated: number;
    passed: number;
    reasons: string[];
  }>();
  return rows.map((r) => ({ ...r, evaluated: Boolean(r.evaluated), passed: Boolean(r.passed) }));
}

/** The raw-row reference of the review queue's counts (no reviews here: every sampled one is pending). */
async function referenceQueue(c: Case) {
  const sampled = `gate_passed AND CRC32(request_id) % 100 < ${REVIEW_SAMPLE_PERCENT}`;
  const result = await env.storage.client.query({
    query: `
      SELECT count() AS e, countIf(gate_passed) AS p, countIf(outcome != 'unknown') AS k,
        countIf(${sampled}) AS s, toString(minIf(time, ${sampled})) AS oldest
      FROM (${GATED_INTERACTIONS_SQL})
      WHERE evaluated AND time >= {from:DateTime64(6, 'UTC')}`,
    query_params: { projectId: 'p', ...c, ...gateQueryParams(c.config) },
    format: 'JSONEachRow',
  });
  const [r] = await result.json<Record<string, string>>();
  const s = Number(r!.s);
  return {
    gate: { evaluated: Number(r!.e), passed: Number(r!.p), evaluatedWithOutcome: Number(r!.k) },
    sampled: s,
    pending: s,
    oldestPendingTime: s > 0 ? r!.oldest : null,
  };
}

/** A random sample of a workload's requests, and the event time none of them is older than. */
async function requestsOf(
  workload: string,
  sample: number,
): Promise<{ ids: string[]; since: string; latest: string }> {
  // A third of the time only requests of the first half of the data: all on sealed days once sealed.
  const before = rnd() < 1 / 3 ? isoToEventTime(plusDays(T0, DAYS / 2)) : '2299-12-31 00:00:00.000000';
  const result = await env.storage.client.query({
    query: `SELECT request_id AS id, toString(min(time)) AS t FROM interactions
      WHERE project_id = 'p' AND workload_id = {workload:String} AND time < {before:DateTime64(6, 'UTC')}
      GROUP BY id ORDER BY cityHash64(id, {seed:UInt32}) LIMIT {sample:UInt32}`,
    query_params: { workload, sample, before, seed: Math.floor(rnd() * 1000) },
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ id: string; t: string }>();
  return {
    ids: rows.map((r) => r.id),
    since: rows.reduce((m, r) => (r.t < m ? r.t : m), '9999'),
    latest: rows.reduce((m, r) => (r.t > m ? r.t : m), ''),
  };
}

async function randomCase(): Promise<Case> {
  const workload = pick(['', 'w0', 'w1', 'w2']);
  const stored = effectiveGateConfig(
    await gateConfigHistory(env.storage.client, 'p', workload),
    workload,
    {},
  );
  // Ad-hoc thresholds a fifth of the time: nothing sealed under them, computed from raw rows.
  const config = rnd() < 0.2 ? { ...stored, minResponseWords: Math.floor(rnd() * 40) } : stored;
  const from = rnd() * DAYS;
  const to = from + rnd() * (DAYS + 5 - from);
  const asOf = from + rnd() * (DAYS + 8 - from);
  const t = (d: number) => isoToEventTime(plusDays(T0, rnd() < 0.5 ? Math.round(d) : d));
  return { workload, from: t(from), to: t(to), asOf: t(asOf), bucket: pick(['day', 'week']), config };
}

/** The sycophancy check's window as the raw-row reference gives it, with the text's markers. */
const SYCOPHANCY_REFERENCE = {
  sql: `
    SELECT g.*, m.praise AS praise, m.pushback AS pushback, m.reversal AS reversal
    FROM (${GATED_INTERACTIONS_SQL}) AS g
    LEFT JOIN (${textMarkersSql(`i.project_id = {projectId:String}
      AND i.time >= {from:DateTime64(6, 'UTC')} AND i.time < {to:DateTime64(6, 'UTC')}`)}) AS m
      ON m.request_id = g.request_id
    WHERE g.time >= {from:DateTime64(6, 'UTC')}`,
  params: markerParams(),
};

/** Review queue items and sycophancy markers compared so far (not only empty results may agree). */
let queued = 0;
let versionChanged = 0;
let flagged = 0;

/** Random cases compared with the reference; returns the sealed days the fast path read. */
async function expectEquivalent(cases: number): Promise<number> {
  let sealed = 0;
  for (let n = 0; n < cases; n++) {
    const c = await randomCase();
    const client = env.storage.client;
    sealed += (await planGateRead(client, { projectId: 'p', ...c })).sealed.length;
    const fast = await gateBuckets(client, { projectId: 'p', ...c });
    expect(fast, JSON.stringify(c)).toEqual(await referenceBuckets(c));
    const queue = await reviewQueueStatus(client, { projectId: 'p', ...c, throughputFrom: c.from });
    expect(
      {
        gate: queue.gate,
        sampled: queue.sampled,
        pending: queue.pending,
        oldestPendingTime: queue.oldestPendingTime,
      },
      JSON.stringify(c),
    ).toEqual(await referenceQueue(c));
    if (!c.workload) {
      // Every workload's queue in one statement: each equals the workload's own reference.
      const all = await reviewQueueByWorkload(client, { projectId: 'p', ...c, throughputFrom: c.from });
      for (const w of ['w0', 'w1', 'w2']) {
        const q = all.get(w);
        expect(
          {
            gate: q?.gate ?? { evaluated: 0, passed: 0, evaluatedWithOutcome: 0 },
            sampled: q?.sampled ?? 0,
            pending: q?.pending ?? 0,
            oldestPendingTime: q?.oldestPendingTime ?? null,
          },
          JSON.stringify({ c, w }),
        ).toEqual(await referenceQueue({ ...c, workload: w }));
      }
    }
    // The review queue's items, ranked: window verdicts against the whole-history reference.
    const queueParams = { ...QUEUE_DEFAULTS, projectId: 'p', ...c, now: c.asOf, reviewer: '', limit: 5000 };
    const items = await reviewQueue(client, queueParams);
    queued += items.length;
    versionChanged += items.filter((i) => i.reasons.includes('version_changed')).length;
    expect(items, JSON.stringify(c)).toEqual(
      await reviewQueue(client, queueParams, {
        gated: { sql: REVIEW_CANDIDATES_REFERENCE_SQL, params: {} },
        versions: { sql: VERSION_WINDOW_REFERENCE_SQL, params: {} },
      }),
    );
    // The sycophancy check's counts (outcomes, markers, gate-passed) read the same window.
    const scope = { projectId: 'p', ...c, signalWindowHours: c.config.signalWindowHours };
    const versions = await sycophancyByVersion(client, scope, c.config);
    expect(versions, JSON.stringify(c)).toEqual(
      await sycophancyByVersion(client, scope, c.config, SYCOPHANCY_REFERENCE),
    );
    flagged += versions.reduce((n, v) => n + v.sycophantic + v.capitulated + v.gatePassedSycophantic, 0);
    const workload = c.workload || pick(['w0', 'w1', 'w2']);
    const { ids, since, latest } = await requestsOf(workload, 25);
    // Half of the time told how old and how new the requests are at most, as the explorer tells it.
    const bound = rnd() < 0.5 ? { since, latest } : {};
    const verdicts = await gateVerdicts(client, {
      projectId: 'p',
      ...c,
      workload,
      requestIds: ids,
      ...bound,
    });
    const config = c.workload
      ? c.config
      : effectiveGateConfig(await gateConfigHistory(client, 'p', workload), workload, {});
    if (!c.workload) {
      // The explorer's call: the workload's own configuration.
      const own = await gateVerdicts(client, {
        projectId: 'p',
        ...c,
        config,
        workload,
        requestIds: ids,
        ...bound,
      });
      expect(sortById(own), JSON.stringify({ c, workload })).toEqual(
        await referenceVerdicts({ ...c, config }, ids),
      );
    }
    expect(sortById(verdicts), JSON.stringify(c)).toEqual(await referenceVerdicts(c, ids));
  }
  return sealed;
}

const sortById = <T extends { requestId: string }>(xs: T[]) =>
  [...xs].sort((a, b) => (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0));

beforeAll(async () => {
  env = await openTempStorage();
  // w1 has thresholds and a signal window of its own: sealed apart from the project's.
  await insertGateConfig(env.storage.client, {
    projectId: 'p',
    workloadId: 'w1',
    version: 1,
    config: { signalWindowHours: 48, minResponseWords: 10 },
  });
  await load(traffic('a', 3000, 0, DAYS));
});
afterAll(() => env.dispose());

describe('gate read model', () => {
  it('reads nothing sealed before maintenance, and equals the reference', async () => {
    expect(await expectEquivalent(4)).toBe(0);
  }, 120_000);

  it('seals every closed day under each stored configuration, then equals the reference', async () => {
    const first = await maintainReadModel(env.storage.client);
    expect(first.gateDays).toBeGreaterThan(2 * (DAYS - 5));
    expect((await maintainReadModel(env.storage.client)).gateDays).toBe(0);
    expect(await expectEquivalent(20)).toBeGreaterThan(40);
    expect(queued).toBeGreaterThan(100);
    expect(versionChanged).toBeGreaterThan(20);
    expect(flagged).toBeGreaterThan(100);
  }, 240_000);

  it('unseals a day with late data and every later one, until they are sealed again', async () => {
    await load(traffic('late', 300, 3, 12));
    await load({
      interactions: [],
      signals: [signal('a1', 'accepted', plusDays(T0, 25), { project_id: 'p', signal_id: 'late-a1' })],
    });
    await expectEquivalent(8);
    const resealed = await maintainReadModel(env.storage.client);
    expect(resealed.gateDays).toBeGreaterThan(2 * (DAYS - 15));
    expect(await expectEquivalent(12)).toBeGreaterThan(20);
  }, 240_000);
});
