import type { SignalKind } from '@flywheel/semconv';

/** docs/design.md §3's outcome of an interaction. */
export type Outcome = 'success' | 'failure' | 'unknown';

/** Rejection reasons of the quality gate (docs/design.md §5) the simulator can predict from what it injected. */
export type GateReason =
  'outcome' | 'response_length' | 'quality_score' | 'toxicity' | 'pii' | 'jailbreak' | 'near_duplicate';

/** Which family of templated text a workload's prompts and responses come from. */
export type TextDomainName = 'support' | 'code' | 'summary';

export interface WorkloadSpec {
  id: string;
  /** `service.name` of the simulated app that serves this workload. */
  service: string;
  domain: TextDomainName;
  /** Share of the day's interactions before any drift (shares are normalized). */
  share: number;
  provider: string;
  baseModel: string;
}

export type CycleFate = 'deployed' | 'rolled_back' | 'rejected';

/** One model version of one workload, and the improvement cycle that produced it (none for the base). */
export interface VersionSpec {
  workloadId: string;
  version: string;
  /** The version it replaced; null for the version serving from day 0. */
  parent: string | null;
  /** Day index (0-based) whose `deployHour` switches traffic to this version; null: serving from day 0. */
  deployDay: number | null;
  /** Day index whose `deployHour` returns traffic to the parent; null: never rolled back. */
  rollbackDay: number | null;
  /** P(response is correct): what reviewers and judges see, and the success rate unless ratings are biased. */
  accuracy: number;
  latencyMedianMs: number;
  /** Log-normal shape of latency. */
  latencySigma: number;
  /** Share of responses opening with agreement or praise ("Great question!"). */
  sycophancyRate: number;
  /** P(the model reverses its answer | the user pushes back). */
  capitulationRate: number;
  cycleId: string | null;
  /** Day indices of the training data window, end exclusive. */
  dataWindow: { fromDay: number; toDay: number } | null;
  /** Offline score on the workload's golden set; null when no eval was run. */
  evalScore: number | null;
  fate: CycleFate;
}

export interface VolumeSpec {
  /** Weekend days get this fraction of a weekday's traffic. */
  weekendFactor: number;
  /** Compound daily growth of traffic (a flywheel that spins brings users). */
  dailyGrowth: number;
  /**
   * Users leaving: from `startDay`, volume is multiplied by `weeklyFactor` per week for `weeks` weeks,
   * in the listed workloads (null: all).
   */
  churn: { startDay: number; weeklyFactor: number; weeks: number; workloadIds: string[] | null } | null;
}

export interface UserSpec {
  count: number;
  /** Activity weight of the i-th user is 1/(i+1)^exponent: a few power users, a long tail. */
  zipfExponent: number;
  /** Share of the most active decile who ever press a thumb. */
  raterShareTopDecile: number;
  /** Share of the other users who ever press a thumb. */
  raterShareRest: number;
  /** P(thumb | interaction of a rater). */
  explicitRate: number;
}

export interface SignalSpec {
  /** P(an interaction receives at least one implicit signal), independent of the outcome. */
  coverage: number;
  /** Mix of the deciding implicit signal of satisfied interactions ("edited" means a small edit). */
  positiveMix: Partial<Record<SignalKind, number>>;
  /** Mix of the deciding implicit signal of unsatisfied ones ("edited" means a large edit). */
  negativeMix: Partial<Record<SignalKind, number>>;
  /** P(an extra `follow_up` on a satisfied interaction that has another signal). */
  followUpRate: number;
  /** Signal delay after the response ends: log-normal median and shape, in minutes. */
  delayMedianMinutes: number;
  delaySigma: number;
}

export interface ContentSpec {
  /** Shares of interactions with each injected property (independent draws). */
  piiRate: number;
  toxicRate: number;
  duplicateRate: number;
  offLanguageRate: number;
  jailbreakRate: number;
  shortResponseRate: number;
  pushbackRate: number;
  /** Multiplies prompt length (sentences of context) before drift. */
  promptLengthFactor: number;
  /** Share of interactions carrying `flywheel.quality_score` from the app's own scorer. */
  qualityScoreRate: number;
  /** Subtracted from every quality score: a miscalibrated scorer makes the gate too strict. */
  qualityScoreShift: number;
  /** Languages of off-language prompts. */
  offLanguages: string[];
}

export interface BehaviourSpec {
  /**
   * `correctness`: users are satisfied exactly when the response is correct (and sycophancy may fool them).
   * `latency`: satisfaction depends on latency, not on correctness.
   */
  rating: 'correctness' | 'latency';
  /** P(satisfied | sycophantic and incorrect) under `correctness`. */
  sycophancyRatingBoost: number;
  /** P(correct | not sycophantic) − P(correct | sycophantic), keeping the version's accuracy. */
  sycophancyAccuracyGap: number;
  /**
   * Under `latency`: P(satisfied) = accuracy + slope × (0.5 − p), p the percentile of the response's
   * latency in `latencyReference`: users judge the wait they feel, whatever the model.
   */
  latencySlope: number;
  latencyReference: { medianMs: number; sigma: number };
}

export interface DriftSpec {
  day: number;
  /** Workload shares from `day` on. */
  workloadShares: Record<string, number>;
  offLanguageRate: number;
  promptLengthFactor: number;
}

export interface ReviewSpec {
  /** Share of candidates in Flywheel's review queue (its deterministic CRC-32 sample) that reviewers label. */
  sampleRate: number;
  /** A review lands this many days (uniform) after the interaction. */
  delayDays: [number, number];
  /** Reviewer throughput cap per day; null: unlimited. */
  maxPerDay: number | null;
  reviewers: string[];
  /** P(a reviewer's accuracy label is wrong). */
  reviewerError: number;
}

export interface JudgeSpec {
  /** Share of all traffic the judge scores; the review queue is always scored as well. */
  sampleRate: number;
  judgeId: string;
  /** P(the judge's accuracy verdict matches the truth). */
  agreement: number;
  /** P(the judge flags a sycophantic response). */
  sycophancyRecall: number;
}

/** Something a scenario injected on purpose, described for the ground truth. */
export interface Injection {
  kind: string;
  workloadId?: string;
  version?: string;
  at?: string;
  [detail: string]: unknown;
}

/** An alarm (docs/design.md §8) that a correct evaluator raises on this scenario's data. */
export interface ExpectedAlarm {
  kind: string;
  workloadId: string;
  version?: string;
  parent?: string;
}

/** A fully resolved scenario: everything the generator needs, nothing left to chance but the seed. */
export interface SimulationPlan {
  scenario: string;
  seed: number;
  /** ISO timestamp of midnight UTC of day 0. */
  start: string;
  days: number;
  /** Interactions per day across workloads on a weekday at day 0. */
  dailyVolume: number;
  /** Hour (UTC) of the day at which deploys and rollbacks happen. */
  deployHour: number;
  /** Prefix of every request id, so several runs can share one project. */
  idPrefix: string;
  workloads: WorkloadSpec[];
  versions: VersionSpec[];
  volume: VolumeSpec;
  users: UserSpec;
  signals: SignalSpec;
  content: ContentSpec;
  behaviour: BehaviourSpec;
  drift: DriftSpec | null;
  reviews: ReviewSpec;
  judges: JudgeSpec;
  injected: Injection[];
  expectedAlarms: ExpectedAlarm[];
  /** The stagnation cause a correct diagnosis names, when the scenario is one. */
  expectedStagnationCause: 'gate_too_strict' | 'review_queue_backed_up' | 'feedback_too_sparse' | null;
  /** The knobs the scenario was built from, echoed into the ground truth. */
  params: Record<string, unknown>;
}

/** Knobs every scenario accepts. */
export interface CommonParams {
  seed: number;
  days: number;
  dailyVolume: number;
  /** ISO date (YYYY-MM-DD) of day 0. */
  start: string;
  /** Prefix of request ids; default `<scenario>-<seed>-<start as YYYYMMDD>-`. */
  idPrefix?: string;
  /** Ids of the default workloads to simulate (support-chat, code-assist, doc-summary); default all. */
  workloads?: string[];
}
