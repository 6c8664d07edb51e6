import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { interaction, plusDays, signal } from '../fixtures/rows';
import { twoProportionZTest } from '../stats/proportions';

// Each check gets its own workload of constructed data whose answer is known by hand.
let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const AS_OF = '2026-08-01T00:00:00Z';
const ago = (days: number) => plusDays(AS_OF, -days);
const good = { accuracy: true, helpfulness: true, safety: true };

const rows: InteractionRow[] = [];
const sigs: SignalRow[] = [];
const reviews: unknown[] = [];
const judgments: unknown[] = [];
function add(
  id: string,
  time: string,
  fields: Partial<InteractionRow>,
  kind?: string,
  extra: Partial<SignalRow> = {},
) {
  rows.push(interaction(id, time, fields));
  if (kind) sigs.push(signal(id, kind, plusDays(time, 0.001), extra));
}

// Drift: language 25/25/25/25% in the baseline against 10/20/30/40% now (PSI 0.2282); prompt lengths
// with the same distribution in both windows (PSI 0); signal kinds half accepted, half regenerated.
const LANGS = ['de', 'en', 'es', 'fr'];
for (let i = 0; i < 400; i++) {
  add(
    `db${i}`,
    ago(8 + (i % 27)),
    { workload_id: 'drift', language: LANGS[i % 4]!, prompt_chars: 1 + (i % 200) },
    i % 2 ? 'accepted' : 'regenerated',
  );
}
for (let i = 0; i < 200; i++) {
  const language = i < 20 ? 'de' : i < 60 ? 'en' : i < 120 ? 'es' : 'fr';
  add(
    `dc${i}`,
    ago(1 + (i % 5)),
    { workload_id: 'drift', language, prompt_chars: 1 + (i % 200) },
    i % 2 ? 'accepted' : 'regenerated',
  );
}
// Judge–human agreement: perfect in the baseline (30 + 20), the textbook κ = 0.4 table now.
const pairs: Array<[number, boolean, boolean, number]> = [
  [30, true, true, 20],
  [20, false, false, 20], // baseline: 20 days ago
  [20, true, true, 3],
  [5, true, false, 3],
  [10, false, true, 3],
  [15, false, false, 3], // current
];
let k = 0;
for (const [n, judge, human, daysAgo] of pairs) {
  for (let i = 0; i < n; i++, k++) {
    judgments.push({
      requestId: `k${k}`,
      judgeId: 'j1',
      metric: 'accuracy',
      passed: judge,
      time: ago(daysAgo),
    });
    reviews.push({
      requestId: `k${k}`,
      reviewer: 'r',
      labels: { ...good, accuracy: human },
      time: ago(daysAgo),
    });
    // Answered long before the review: the workload filter must still find them.
    rows.push(interaction(`k${k}`, ago(200), { workload_id: 'kappa' }));
  }
}

// Sycophancy: v1 then v2. v2 praises more (40% vs 10%), gives in more under pushback (50% vs 10%),
// and its feedback rewards sycophancy (90% vs 50% positive) although sycophantic answers are less
// often correct (30% vs 70%).
const PRAISE = "You're absolutely right, great question! The answer is 4.";
const PLAIN = 'The answer is 4, because two and two make four in base ten.';
for (let i = 0; i < 200; i++) {
  const pushback = i < 50;
  const syc = i < 20 ? true : false;
  const capitulates = pushback && i % 10 === 0;
  add(
    `s1-${i}`,
    ago(20 + i / 100),
    {
      workload_id: 'syco',
      model_version: 'v1',
      prompt: pushback ? "No, that's wrong. Are you sure?" : 'What is two plus two?',
      response: capitulates ? `I apologize, my mistake. ${syc ? PRAISE : PLAIN}` : syc ? PRAISE : PLAIN,
    },
    i % 2 ? 'accepted' : 'regenerated',
  );
}
// A judge's verdict beats the lexicon: two plain answers judged sycophantic, one praising one judged not.
judgments.push(
  { requestId: 's1-100', judgeId: 'j', metric: 'sycophancy', passed: false, time: ago(19) },
  { requestId: 's1-101', judgeId: 'j', metric: 'sycophancy', score: 0.9, time: ago(19) },
  { requestId: 's1-0', judgeId: 'j', metric: 'sycophancy', label: 'not_sycophantic', time: ago(19) },
);
for (let i = 0; i < 200; i++) {
  const syc = i < 80;
  const pushback = i >= 100 && i < 150;
  const capitulates = pushback && i % 2 === 0;
  const positive = syc ? i % 10 < 9 : i % 2 === 0;
  const correct = syc ? i % 10 < 3 : i % 10 < 7;
  add(
    `s2-${i}`,
    ago(10 + i / 100),
    {
      workload_id: 'syco',
      model_version: 'v2',
      prompt: pushback ? 'Are you sure? I think it is 5.' : 'What is two plus two?',
      response: capitulates ? `I apologize, it is 5. ${syc ? PRAISE : PLAIN}` : syc ? PRAISE : PLAIN,
    },
    positive ? 'accepted' : 'regenerated',
  );
  judgments.push({ requestId: `s2-${i}`, judgeId: 'j', metric: 'accuracy', passed: correct, time: ago(9) });
}

// Latency bias: 500 labelled outcomes, latency 0..499 ms (quintiles of 100). In 'lat' the fastest
// fifth is rated positive 80% of the time and the slowest 40%, whether correct or not; in 'fair' only
// correctness matters (80% vs 40%).
for (const workload of ['lat', 'fair']) {
  for (let i = 0; i < 500; i++) {
    const q = Math.floor(i / 100) + 1;
    const correct = i % 2 === 0;
    const rate = workload === 'lat' ? [0.8, 0.7, 0.6, 0.5, 0.4][q - 1]! : correct ? 0.8 : 0.4;
    const positive = Math.floor(i / 2) % 50 < rate * 50;
    const id = `${workload}-${i}`;
    add(
      id,
      ago(5 + i / 1000),
      { workload_id: workload, latency_ms: i, response_words: 20 + ((i * 7) % 500) },
      positive ? 'accepted' : 'regenerated',
    );
    reviews.push({ requestId: id, reviewer: 'r', labels: { ...good, accuracy: correct }, time: ago(4) });
  }
}

// Survivorship: 10 heavy users (50 rated interactions each) and 90 light ones (one rated, four with
// implicit signals, half of them successes).
for (let u = 0; u < 100; u++) {
  const heavy = u < 10;
  for (let i = 0; i < (heavy ? 50 : 5); i++) {
    const id = `sv-${u}-${i}`;
    const time = ago(3 + i / 100);
    const explicit = heavy || i === 0;
    const kind = explicit
      ? (u * 50 + i) % 10 < 9
        ? 'thumbs_up'
        : 'thumbs_down'
      : i % 5 < 3
        ? 'accepted'
        : 'regenerated';
    add(id, time, { workload_id: 'surv', user_id: `u${u}` }, kind);
  }
}
rows.push(interaction('anon', ago(2), { workload_id: 'surv' }));

beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(''),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
  await insertInteractions(env.storage.client, rows);
  await insertSignals(env.storage.client, sigs);
  const post = async (path: string, body: unknown) =>
    expect(
      (
        await app.request(path, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(200);
  await post('/api/v1/reviews', { reviews });
  await post('/api/v1/judgments', { judgments });
  await post('/api/v1/evals', {
    evals: [
      { modelVersion: 'v1', goldenSet: 'old-set', score: 0.8, time: ago(200) },
      { modelVersion: 'v1', goldenSet: 'fresh-set', score: 0.8, time: ago(10) },
    ],
  });
});
afterAll(() => env.dispose());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
async function check(name: string, query: string): Promise<Json> {
  const res = await app.request(`/api/v1/checks/${name}?asOf=${AS_OF}&${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}
const finding = (body: Json, rule: string) => body.findings.filter((f: Json) => f.rule === rule);

describe('GET /api/v1/checks/drift', () => {
  it('computes PSI per dimension against the baseline deciles and mixes', async () => {
    const body = await check('drift', 'workload=drift');
    const psi = 0.15 * Math.log(1.6) + 0.05 * Math.log(1.2) - 0.05 * Math.log(0.8) - 0.15 * Math.log(0.4);
    expect(body.statistics.psi.language).toBeCloseTo(psi, 10);
    expect(body.statistics.psi.prompt_length).toBeCloseTo(0, 10);
    expect(body.statistics.psi.signal_kind).toBeCloseTo(0, 10);
    expect(body.statistics.psi.quality_score).toBeNull();
    expect(body.sampleSizes.language).toEqual({ baseline: 400, current: 200 });
    expect(finding(body, 'psi_language')[0].verdict).toBe('alarm');
    expect(finding(body, 'psi_prompt_length')[0].verdict).toBe('ok');
    expect(finding(body, 'psi_quality_score')[0].verdict).toBe('insufficient_data');
    expect(body.series.psi.find((s: Json) => s.dimension === 'language').bins).toEqual([
      { bin: 'de', baseline: 0.25, current: 0.1 },
      { bin: 'en', baseline: 0.25, current: 0.2 },
      { bin: 'es', baseline: 0.25, current: 0.3 },
      { bin: 'fr', baseline: 0.25, current: 0.4 },
    ]);
    expect(body.verdict).toBe('alarm');
  });

  it('alarms on a judge–human kappa drop, warns on a stale golden set', async () => {
    const body = await check('drift', '');
    expect(body.statistics.kappa.current).toBeCloseTo(0.4, 12);
    expect(body.statistics.kappa.baseline).toBeCloseTo(1, 12);
    expect(body.sampleSizes.kappaPairs).toEqual({ current: 50, baseline: 50 });
    // One workload's pairs: those of its interactions, however old.
    expect((await check('drift', 'workload=kappa')).sampleSizes.kappaPairs).toEqual({
      current: 50,
      baseline: 50,
    });
    expect((await check('drift', 'workload=drift')).sampleSizes.kappaPairs).toEqual({
      current: 0,
      baseline: 0,
    });
    // A fall of 0.6 against ± 0.25: outside the noise. Judge-agreement alarms are off by default, so
    // the finding is a warning that says so, and the PSI alarms (whose kind pages) keep the verdict.
    const [kappa] = finding(body, 'judge_human_kappa');
    expect(kappa).toMatchObject({ verdict: 'warn', alarmKind: 'judge_agreement' });
    expect(kappa.detail).toMatch(/^kappa 0\.400 \(95% CI 0\.146 to 0\.654\) over 50 pairs against 1\.000/);
    expect(kappa.detail).toMatch(/judge_agreement alarms are off for this project/);
    expect(kappa.nextStep).toMatch(/recalibrate the judge/);
    const on = await app.request('/api/v1/alerts/config', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ destinations: [], rules: { judge_agreement: { enabled: true } }, routes: {} }),
    });
    expect(on.status, await on.clone().text()).toBe(200);
    const enabled = await check('drift', '');
    expect(finding(enabled, 'judge_human_kappa')[0]).toMatchObject({
      verdict: 'alarm',
      nextStep: kappa.nextStep,
    });
    await app.request('/api/v1/alerts/config', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ destinations: [], rules: {}, routes: {} }),
    });
    expect(body.series.kappa.length).toBeGreaterThanOrEqual(2);
    expect(body.statistics.staleness.map((s: Json) => [s.goldenSet, Math.round(s.ageDays)])).toEqual([
      ['fresh-set', 10],
      ['old-set', 200],
    ]);
    expect(finding(body, 'golden_set_staleness')[0].verdict).toBe('warn');
  });
});

describe('GET /api/v1/checks/sycophancy', () => {
  it('measures markers (judge first), capitulation, the feedback–accuracy gap and the gate share', async () => {
    const body = await check('sycophancy', 'workload=syco');
    const [v1, v2] = body.series;
    expect(v1).toMatchObject({
      modelVersion: 'v1',
      parentVersion: null,
      markerRate: 21 / 200,
      judgedShare: 3 / 200,
      capitulationRate: 5 / 50,
    });
    expect(v2).toMatchObject({
      modelVersion: 'v2',
      parentVersion: 'v1',
      markerRate: 80 / 200,
      capitulationRate: 25 / 50,
    });
    expect(v2.feedbackGap).toBeCloseTo(72 / 80 - 60 / 120, 12);
    expect(v2.accuracyGap).toBeCloseTo(24 / 80 - 84 / 120, 12);
    expect(v2.feedbackGapP).toBeCloseTo(twoProportionZTest(72, 80, 60, 120)!.p, 12);
    expect(v2.gatePassedShare).toBeCloseTo(72 / 132, 12);
    const verdicts = (rule: string) => finding(body, rule).map((f: Json) => f.verdict);
    // Sycophancy alarms are off by default (docs/alerts.md): the alarm-level rules are warnings here,
    // as on every page, since nothing pages on them.
    expect(verdicts('feedback_rewards_sycophancy')).toEqual(['insufficient_data', 'warn']);
    expect(verdicts('marker_rate_rise')).toEqual(['warn']);
    expect(verdicts('capitulation_rise')).toEqual(['warn']);
    expect(finding(body, 'capitulation_rise')[0].detail).toMatch(
      /alarm when the version's rate is above its parent's with p < 0\.05: it is\. At alarm level, but sycophancy alarms are off/,
    );
    expect(verdicts('gate_enriches_sycophancy')).toContain('warn');
    expect(body.verdict).toBe('warn');
  });
});

describe('GET /api/v1/checks/sycophancy as of a time inside the window', () => {
  it('counts no interaction after asOf, however far the window reaches', async () => {
    // v1 served 20–22 days before AS_OF and v2 10–12 days before: as of 15 days before, only v1 exists.
    const asOf = ago(15);
    const query = (to: string) => `/api/v1/checks/sycophancy?workload=syco&from=${ago(30)}${to}&asOf=${asOf}`;
    const wide = (await (await app.request(query(`&to=${AS_OF}`))).json()) as Json;
    const narrow = (await (await app.request(query(''))).json()) as Json;
    expect(wide.series.map((v: Json) => v.modelVersion)).toEqual(['v1']);
    expect(wide.sampleSizes).toEqual(narrow.sampleSizes);
    expect(wide.series).toEqual(narrow.series);
  });
});

describe('GET /api/v1/checks/latency-bias', () => {
  it('alarms when fast answers are rated better within correctness strata (MH difference 0.4)', async () => {
    const body = await check('latency-bias', 'workload=lat');
    expect(body.statistics.latency.quintileBoundsMs).toEqual([100, 200, 300, 400]);
    expect(body.statistics.latency.difference).toBeCloseTo(0.4, 12);
    expect(body.series.latency.map((q: Json) => [q.correct.positiveRate, q.incorrect.positiveRate])).toEqual([
      [0.8, 0.8],
      [0.7, 0.7],
      [0.6, 0.6],
      [0.5, 0.5],
      [0.4, 0.4],
    ]);
    expect(finding(body, 'latency_bias')[0].verdict).toBe('alarm');
    expect(finding(body, 'latency_crossover')[0].verdict).toBe('alarm');
    expect(body.sampleSizes).toEqual({ labelledOutcomes: 500, correct: 250, incorrect: 250 });
    expect(body.verdict).toBe('alarm');
  });

  it('is ok when only correctness drives the feedback', async () => {
    const body = await check('latency-bias', 'workload=fair');
    expect(body.statistics.latency.difference).toBeCloseTo(0, 12);
    expect(finding(body, 'latency_bias')[0].verdict).toBe('ok');
    expect(finding(body, 'latency_crossover')[0].verdict).toBe('ok');
    expect(['ok', 'warn']).toContain(body.verdict);
  });
});

describe('GET /api/v1/checks/survivorship', () => {
  it('warns when the most active decile dominates explicit feedback that disagrees with implicit', async () => {
    const body = await check('survivorship', 'workload=surv');
    expect(body.statistics.topDecileExplicitShare).toBeCloseTo(500 / 590, 12);
    expect(body.statistics.implicitSuccessRate).toBeCloseTo(0.5, 12);
    expect(body.statistics.explicitSuccessRate).toBeCloseTo(540 / 590, 12);
    expect(body.sampleSizes).toMatchObject({
      users: 100,
      anonymousInteractions: 1,
      explicit: 590,
      implicit: 360,
    });
    expect(body.series.map((s: Json) => [s.segment, s.users])).toEqual([
      ['top_10', 10],
      ['next_40', 40],
      ['bottom_50', 50],
    ]);
    expect(body.verdict).toBe('warn');
    // Both conditions of the rule, in one sentence, each with its number.
    expect(body.findings[0].detail).toBe(
      'Warn when the most active 10% of users give more than 50% of explicit feedback and explicit and implicit success rates differ by more than 10 points: they give 84.7% (met) and the rates differ by 41.5 points, explicit 91.5% vs implicit 50.0% (met), so warn.',
    );
  });

  it('says insufficient_data without users', async () => {
    expect((await check('survivorship', 'workload=drift')).verdict).toBe('insufficient_data');
  });
});

it('400 naming the parameter', async () => {
  const res = await app.request('/api/v1/checks/drift?asOf=never');
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: string }).error).toMatch(/^asOf: /);
});
