import type { Endpoint, EndpointStatus } from '../api-client';
import { expectedSuccessRate } from '../behaviour';
import { DAY_MS, dayTime, isoDay } from '../timeline';
import type { SimulationPlan, VersionSpec } from '../types';
import type { UserPopulation } from '../users';
import type { MixTally, TruthRecorder, VersionTally } from './recorder';
import {
  GROUND_TRUTH_FORMAT,
  type CycleTruth,
  type GroundTruth,
  type VersionTruth,
  type WeekVolume,
} from './types';

export interface TruthInputs {
  plan: SimulationPlan;
  recorder: TruthRecorder;
  users: UserPopulation;
  reviews: { sampled: number; posted: number; backlog: number; oldestPendingMs: number | null };
  judgments: number;
  api: Record<Endpoint, EndpointStatus>;
}

export function buildGroundTruth({
  plan,
  recorder,
  users,
  reviews,
  judgments,
  api,
}: TruthInputs): GroundTruth {
  const endMs = dayTime(plan, plan.days);
  const sum = (pick: (d: (typeof recorder.days)[number]) => number) =>
    recorder.days.reduce((s, d) => s + pick(d), 0);
  const interactions = sum((d) => d.interactions);
  const withOutcome = sum((d) => d.withOutcome);
  const explicitSignals = sum((d) => d.explicitSignals);
  const passed = sum((d) => d.expectedGatePassed);
  const perWorkload: Record<string, number> = {};
  for (const d of recorder.days)
    perWorkload[d.workloadId] = (perWorkload[d.workloadId] ?? 0) + d.interactions;

  return {
    format: GROUND_TRUTH_FORMAT,
    scenario: plan.scenario,
    seed: plan.seed,
    params: plan.params,
    start: plan.start,
    end: new Date(endMs).toISOString(),
    days: plan.days,
    idPrefix: plan.idPrefix,
    workloads: plan.workloads.map(({ id, service, domain, share, provider, baseModel }) => ({
      id,
      service,
      domain,
      share,
      provider,
      baseModel,
    })),
    versions: plan.versions.map((v) =>
      versionTruth(plan, v, recorder.versions.get(`${v.workloadId}\u0000${v.version}`)),
    ),
    cycles: cycleTruths(plan),
    volumes: {
      interactions,
      signals: sum((d) => d.signals),
      explicitSignals,
      withOutcome,
      perWorkload,
      perDay: recorder.days,
      weekly: weekly(plan, recorder),
    },
    signals: {
      coverage: ratio(withOutcome, interactions),
      explicitRate: ratio(countExplicitInteractions(recorder), interactions),
      successRate: ratio(
        sum((d) => d.successes),
        withOutcome,
      ),
      kindMix: Object.fromEntries([...recorder.kinds].sort()),
    },
    users: userTruth(users, recorder),
    content: {
      ...recorder.content,
      pii: Object.fromEntries(recorder.content.pii),
      offLanguage: Object.fromEntries(recorder.content.offLanguage),
    },
    gate: {
      note: 'default gate of docs/design.md §5 as the simulator predicts it; near_duplicate counts only the duplicates it injected',
      interactions,
      expectedPassed: passed,
      expectedPassRate: ratio(passed, interactions),
      rejections: Object.fromEntries([...recorder.gateRejections].sort()),
    },
    reviews: {
      sampled: reviews.sampled,
      posted: reviews.posted,
      backlog: reviews.backlog,
      oldestPendingDays:
        reviews.oldestPendingMs === null ? null : round((endMs - reviews.oldestPendingMs) / DAY_MS, 2),
      maxPerDay: plan.reviews.maxPerDay,
    },
    judgments: { posted: judgments },
    latencyBias: latencyBias(recorder),
    drift: plan.drift
      ? {
          day: plan.drift.day,
          at: new Date(dayTime(plan, plan.drift.day)).toISOString(),
          before: mix(recorder.mixBefore, isoDay(dayTime(plan, 0)), isoDay(dayTime(plan, plan.drift.day))),
          after: mix(recorder.mixAfter, isoDay(dayTime(plan, plan.drift.day)), isoDay(endMs)),
        }
      : null,
    injected: plan.injected,
    expectedAlarms: plan.expectedAlarms,
    expectedStagnationCause: plan.expectedStagnationCause,
    api,
  };
}

function versionTruth(plan: SimulationPlan, v: VersionSpec, t: VersionTally | undefined): VersionTruth {
  const at = (day: number | null) =>
    day === null ? null : new Date(dayTime(plan, day, plan.deployHour)).toISOString();
  const sorted = [...(t?.latencies ?? [])].sort((a, b) => a - b);
  return {
    workloadId: v.workloadId,
    version: v.version,
    parent: v.parent,
    cycleId: v.cycleId,
    fate: v.fate,
    deployedAt: v.fate === 'rejected' ? null : at(v.deployDay),
    rolledBackAt: at(v.rollbackDay),
    accuracy: v.accuracy,
    expectedSuccessRate: round(expectedSuccessRate(v, plan.behaviour, plan.content), 4),
    latencyMedianMs: v.latencyMedianMs,
    sycophancyRate: v.sycophancyRate,
    capitulationRate: v.capitulationRate,
    evalScore: v.evalScore,
    realized: {
      interactions: t?.interactions ?? 0,
      withOutcome: t?.withOutcome ?? 0,
      successes: t?.successes ?? 0,
      successRate: ratio(t?.successes, t?.withOutcome),
      satisfiedRate: ratio(t?.satisfied, t?.interactions),
      correctRate: ratio(t?.correct, t?.interactions),
      latencyP50Ms: quantile(sorted, 0.5),
      latencyP90Ms: quantile(sorted, 0.9),
      sycophanticRate: ratio(t?.sycophantic, t?.interactions),
      pushbacks: t?.pushbacks ?? 0,
      capitulationRate: ratio(t?.capitulations, t?.pushbacks),
      positiveIfSycophantic: t ? ratio(...t.positiveSyc) : null,
      positiveIfNot: t ? ratio(...t.positiveNot) : null,
      correctIfSycophantic: t ? ratio(...t.correctSyc) : null,
      correctIfNot: t ? ratio(...t.correctNot) : null,
    },
  };
}

function cycleTruths(plan: SimulationPlan): CycleTruth[] {
  const find = (workloadId: string, version: string | null) =>
    plan.versions.find((v) => v.workloadId === workloadId && v.version === version);
  const rate = (v: VersionSpec) => expectedSuccessRate(v, plan.behaviour, plan.content);
  return plan.versions
    .filter((v) => v.cycleId !== null && v.dataWindow !== null && v.deployDay !== null)
    .map((v) => {
      const parent = find(v.workloadId, v.parent);
      const iso = (day: number | null) =>
        day === null ? null : new Date(dayTime(plan, day, plan.deployHour)).toISOString();
      return {
        id: v.cycleId!,
        workloadId: v.workloadId,
        modelVersion: v.version,
        parentVersion: v.parent,
        dataWindow: {
          from: new Date(dayTime(plan, v.dataWindow!.fromDay)).toISOString(),
          to: new Date(dayTime(plan, v.dataWindow!.toDay)).toISOString(),
        },
        status: v.fate,
        deployedAt: v.fate === 'rejected' ? null : iso(v.deployDay),
        rolledBackAt: iso(v.rollbackDay),
        evalScore: v.evalScore,
        parentEvalScore: parent?.evalScore ?? null,
        offlineDeltaPoints:
          v.evalScore !== null && parent?.evalScore != null
            ? round((v.evalScore - parent.evalScore) * 100, 2)
            : null,
        expectedOnlineDeltaPoints: parent ? round((rate(v) - rate(parent)) * 100, 2) : 0,
      };
    });
}

function weekly(plan: SimulationPlan, recorder: TruthRecorder): WeekVolume[] {
  const weeks: WeekVolume[] = [];
  for (let day = 0; day < plan.days; day += 7) {
    const from = isoDay(dayTime(plan, day));
    const to = isoDay(dayTime(plan, Math.min(plan.days, day + 7)));
    const count = recorder.days
      .filter((d) => d.date >= from && d.date < to)
      .reduce((s, d) => s + d.interactions, 0);
    const previous = weeks[weeks.length - 1];
    const days = Math.min(7, plan.days - day);
    weeks.push({
      from,
      days,
      interactions: count,
      changeFromPreviousWeek:
        previous && days === 7 && previous.interactions > 0
          ? round(count / previous.interactions - 1, 4)
          : null,
    });
  }
  return weeks;
}

function userTruth(users: UserPopulation, recorder: TruthRecorder): GroundTruth['users'] {
  const counts = [...recorder.userInteractions.values()].sort((a, b) => b - a);
  const total = counts.reduce((s, c) => s + c, 0);
  const topShare = (fraction: number) => {
    const n = Math.max(1, Math.ceil(counts.length * fraction));
    return ratio(
      counts.slice(0, n).reduce((s, c) => s + c, 0),
      total,
    );
  };
  // "Most active 10%" is measured on realized activity, as an analysis of the data would.
  const ranked = [...recorder.userInteractions].sort((a, b) => b[1] - a[1]).map(([u]) => u);
  const top = new Set(ranked.slice(0, Math.max(1, Math.ceil(ranked.length / 10))));
  let explicitTop = 0;
  let explicitAll = 0;
  for (const [u, n] of recorder.userExplicit) {
    explicitAll += n;
    if (top.has(u)) explicitTop += n;
  }
  return {
    count: users.ids.length,
    active: counts.length,
    raters: users.raters.filter(Boolean).length,
    top10PercentShare: topShare(0.1),
    top1PercentShare: topShare(0.01),
    explicitFromTop10Percent: ratio(explicitTop, explicitAll),
  };
}

/** docs/design.md §7's table: positive rate by latency quintile (over all rated interactions), per correctness. */
function latencyBias(recorder: TruthRecorder): GroundTruth['latencyBias'] {
  const sorted = recorder.rated.map((r) => r.latencyMs).sort((a, b) => a - b);
  const bounds = [0.2, 0.4, 0.6, 0.8].map((q) => quantile(sorted, q) ?? 0);
  const cells = { correct: zeros(), incorrect: zeros() };
  for (const r of recorder.rated) {
    const quintile = bounds.filter((b) => r.latencyMs >= b).length;
    const cell = (r.correct ? cells.correct : cells.incorrect)[quintile]!;
    cell[1]++;
    if (r.positive) cell[0]++;
  }
  return {
    quintileBoundsMs: bounds,
    positiveByQuintile: {
      correct: cells.correct.map(([p, n]) => ratio(p, n)),
      incorrect: cells.incorrect.map(([p, n]) => ratio(p, n)),
    },
  };
}

function zeros(): Array<[number, number]> {
  return Array.from({ length: 5 }, () => [0, 0] as [number, number]);
}

function countExplicitInteractions(recorder: TruthRecorder): number {
  // Each interaction carries at most one thumb, so explicit signals count interactions with one.
  return recorder.days.reduce((s, d) => s + d.explicitSignals, 0);
}

function mix(tally: MixTally, from: string, to: string) {
  const shares = (m: Map<string, number>) =>
    Object.fromEntries([...m].sort().map(([k, n]) => [k, round(n / Math.max(1, tally.interactions), 4)]));
  return {
    from,
    to,
    workloadMix: shares(tally.workloads),
    languageMix: shares(tally.languages),
    meanPromptChars: round(tally.promptChars / Math.max(1, tally.interactions), 1),
  };
}

export function ratio(numerator: number | undefined, denominator: number | undefined): number | null {
  if (!denominator || numerator === undefined) return null;
  return round(numerator / denominator, 4);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
