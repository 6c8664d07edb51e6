import type { Endpoint, EndpointStatus } from '../api-client';
import type { CycleFate, ExpectedAlarm, Injection, SimulationPlan, TextDomainName } from '../types';

export const GROUND_TRUTH_FORMAT = 'flywheel.simulator.ground-truth/1';

/** Rates are fractions in [0, 1]; `null` where there was nothing to divide by. Times are ISO 8601 UTC. */
export interface VersionTruth {
  workloadId: string;
  version: string;
  parent: string | null;
  cycleId: string | null;
  fate: CycleFate;
  deployedAt: string | null;
  rolledBackAt: string | null;
  /** Configured P(correct). */
  accuracy: number;
  /** E[success rate] given the behaviour model: the value a correct analysis converges to. */
  expectedSuccessRate: number;
  latencyMedianMs: number;
  sycophancyRate: number;
  capitulationRate: number;
  evalScore: number | null;
  realized: {
    interactions: number;
    withOutcome: number;
    successes: number;
    /** successes / withOutcome: exactly what docs/design.md §3's rule gives on the emitted signals. */
    successRate: number | null;
    /** Satisfied share of all interactions, signalled or not. */
    satisfiedRate: number | null;
    correctRate: number | null;
    latencyP50Ms: number | null;
    latencyP90Ms: number | null;
    sycophanticRate: number | null;
    pushbacks: number;
    capitulationRate: number | null;
    /** Among interactions with a known outcome. */
    positiveIfSycophantic: number | null;
    positiveIfNot: number | null;
    correctIfSycophantic: number | null;
    correctIfNot: number | null;
  };
}

export interface CycleTruth {
  id: string;
  workloadId: string;
  modelVersion: string;
  parentVersion: string | null;
  dataWindow: { from: string; to: string };
  /** Final status. */
  status: CycleFate;
  deployedAt: string | null;
  rolledBackAt: string | null;
  evalScore: number | null;
  parentEvalScore: number | null;
  offlineDeltaPoints: number | null;
  /** Expected success rate of the version minus its parent's, in points. */
  expectedOnlineDeltaPoints: number;
}

export interface DayVolume {
  date: string;
  workloadId: string;
  interactions: number;
  signals: number;
  explicitSignals: number;
  withOutcome: number;
  successes: number;
  expectedGatePassed: number;
}

export interface WeekVolume {
  /** Date of the week's first day (weeks count from day 0). */
  from: string;
  days: number;
  interactions: number;
  /** Relative change from the previous full week; null for the first. */
  changeFromPreviousWeek: number | null;
}

export interface MixTruth {
  from: string;
  to: string;
  workloadMix: Record<string, number>;
  languageMix: Record<string, number>;
  meanPromptChars: number;
}

export interface GroundTruth {
  format: typeof GROUND_TRUTH_FORMAT;
  scenario: string;
  seed: number;
  params: Record<string, unknown>;
  start: string;
  end: string;
  days: number;
  idPrefix: string;
  workloads: Array<{
    id: string;
    service: string;
    domain: TextDomainName;
    share: number;
    provider: string;
    baseModel: string;
  }>;
  versions: VersionTruth[];
  cycles: CycleTruth[];
  volumes: {
    interactions: number;
    signals: number;
    explicitSignals: number;
    withOutcome: number;
    perWorkload: Record<string, number>;
    perDay: DayVolume[];
    weekly: WeekVolume[];
  };
  signals: {
    coverage: number | null;
    explicitRate: number | null;
    successRate: number | null;
    kindMix: Record<string, number>;
  };
  users: {
    count: number;
    active: number;
    raters: number;
    top10PercentShare: number | null;
    top1PercentShare: number | null;
    explicitFromTop10Percent: number | null;
  };
  content: {
    pii: Record<string, number>;
    toxic: number;
    jailbreak: number;
    offLanguage: Record<string, number>;
    shortResponses: number;
    nearDuplicates: number;
    pushbacks: number;
    capitulations: number;
    sycophantic: number;
  };
  gate: {
    note: string;
    interactions: number;
    expectedPassed: number;
    expectedPassRate: number | null;
    rejections: Record<string, number>;
  };
  reviews: {
    sampled: number;
    posted: number;
    backlog: number;
    oldestPendingDays: number | null;
    maxPerDay: number | null;
  };
  judgments: { posted: number };
  latencyBias: {
    /** Latency quintile bounds over all interactions with a known outcome. */
    quintileBoundsMs: number[];
    /** Positive-outcome rate by latency quintile (fastest first), separately for correct and incorrect responses. */
    positiveByQuintile: { correct: Array<number | null>; incorrect: Array<number | null> };
  };
  drift: { day: number; at: string; before: MixTruth; after: MixTruth } | null;
  injected: Injection[];
  expectedAlarms: ExpectedAlarm[];
  expectedStagnationCause: SimulationPlan['expectedStagnationCause'];
  api: Record<Endpoint, EndpointStatus>;
}
