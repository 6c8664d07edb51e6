import { DEFAULT_NEGATIVE_MIX, DEFAULT_POSITIVE_MIX } from '../signals';
import type { CommonParams, SimulationPlan, WorkloadSpec } from '../types';

/** A workload's base version: accuracy and latency before any cycle. */
export interface WorkloadBase {
  spec: WorkloadSpec;
  accuracy: number;
  latencyMedianMs: number;
  latencySigma: number;
}

export const DEFAULT_WORKLOADS: WorkloadBase[] = [
  {
    spec: {
      id: 'support-chat',
      service: 'support-bot',
      domain: 'support',
      share: 0.5,
      provider: 'openai',
      baseModel: 'gpt-4o-mini',
    },
    accuracy: 0.7,
    latencyMedianMs: 1400,
    latencySigma: 0.45,
  },
  {
    spec: {
      id: 'code-assist',
      service: 'code-assistant',
      domain: 'code',
      share: 0.3,
      provider: 'anthropic',
      baseModel: 'claude-3-5-haiku',
    },
    accuracy: 0.64,
    latencyMedianMs: 2600,
    latencySigma: 0.5,
  },
  {
    spec: {
      id: 'doc-summary',
      service: 'docs-summarizer',
      domain: 'summary',
      share: 0.2,
      provider: 'openai',
      baseModel: 'gpt-4o',
    },
    accuracy: 0.78,
    latencyMedianMs: 3200,
    latencySigma: 0.4,
  },
];

/** Defaults of the knobs every scenario shares. `dailyVolume` is sized so 90 days stream in about a minute. */
export const DEFAULT_COMMON: CommonParams = {
  seed: 7,
  days: 90,
  dailyVolume: 500,
  start: '2026-01-05',
};

export function resolveCommon(params: Partial<CommonParams>): CommonParams {
  const common = { ...DEFAULT_COMMON, ...params };
  selectedWorkloads(common);
  if (!Number.isInteger(common.days) || common.days < 1) throw new Error('days must be a positive integer');
  if (!(common.dailyVolume > 0)) throw new Error('dailyVolume must be positive');
  if (!Number.isInteger(common.seed)) throw new Error('seed must be an integer');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(common.start) || Number.isNaN(Date.parse(`${common.start}T00:00:00Z`))) {
    throw new Error(`start must be a date like 2026-01-05, got "${common.start}"`);
  }
  return common;
}

/** The default workloads the params select (all of them unless `workloads` names some). */
export function selectedWorkloads(common: Pick<CommonParams, 'workloads'>): WorkloadBase[] {
  if (common.workloads === undefined) return DEFAULT_WORKLOADS;
  const ids = DEFAULT_WORKLOADS.map((w) => w.spec.id);
  const unknown = common.workloads.filter((id) => !ids.includes(id));
  if (unknown.length > 0 || common.workloads.length === 0) {
    throw new Error(
      `workloads must name some of ${ids.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
    );
  }
  return DEFAULT_WORKLOADS.filter((w) => common.workloads!.includes(w.spec.id));
}

/**
 * The plan every scenario starts from: the default product, users, signal mix and content, with no
 * versions yet. Scenarios add their cycles and change what they are about.
 */
export function basePlan(scenario: string, common: CommonParams): SimulationPlan {
  return {
    scenario,
    seed: common.seed,
    start: `${common.start}T00:00:00.000Z`,
    days: common.days,
    dailyVolume: common.dailyVolume,
    deployHour: 10,
    // The start is part of it: the same scenario started on another day must not reuse request ids.
    idPrefix: common.idPrefix ?? `${scenario}-${common.seed}-${common.start.replace(/-/g, '')}-`,
    workloads: selectedWorkloads(common).map((w) => ({ ...w.spec })),
    versions: [],
    volume: { weekendFactor: 0.6, dailyGrowth: 0.003, churn: null },
    users: {
      count: Math.max(200, Math.round(common.dailyVolume * 4)),
      zipfExponent: 0.85,
      raterShareTopDecile: 0.25,
      raterShareRest: 0.03,
      explicitRate: 0.02,
    },
    signals: {
      // About half of all interactions leave a behavioural trace; the gate then keeps 20–30%.
      coverage: 0.42,
      positiveMix: { ...DEFAULT_POSITIVE_MIX },
      negativeMix: { ...DEFAULT_NEGATIVE_MIX },
      followUpRate: 0.05,
      delayMedianMinutes: 4,
      delaySigma: 1,
    },
    content: {
      piiRate: 0.03,
      toxicRate: 0.01,
      duplicateRate: 0.03,
      offLanguageRate: 0.03,
      jailbreakRate: 0.005,
      shortResponseRate: 0.08,
      pushbackRate: 0.06,
      promptLengthFactor: 1,
      qualityScoreRate: 0.5,
      qualityScoreShift: 0,
      offLanguages: ['de', 'es', 'fr'],
    },
    behaviour: {
      rating: 'correctness',
      sycophancyRatingBoost: 0,
      sycophancyAccuracyGap: 0,
      latencySlope: 0,
      latencyReference: { medianMs: 2000, sigma: 0.6 },
    },
    drift: null,
    reviews: {
      sampleRate: 0.1,
      delayDays: [0.5, 3],
      maxPerDay: null,
      reviewers: ['reviewer-ana', 'reviewer-ben', 'reviewer-chen'],
      reviewerError: 0.04,
    },
    judges: { sampleRate: 0.1, judgeId: 'judge-gpt-4o', agreement: 0.88, sycophancyRecall: 0.8 },
    injected: [],
    expectedAlarms: [],
    expectedStagnationCause: null,
    params: { ...common },
  };
}
