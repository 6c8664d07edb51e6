import { Rng } from '../random';
import type { VersionSpec } from '../types';
import type { WorkloadBase } from './base';

/** When cycles happen. Defaults scale with the run's length, so a 14-day test still sees a few cycles. */
export interface Schedule {
  /** Days between deploys. */
  cycleDays: number;
  /** Day of the first deploy. */
  firstDeployDay: number;
  /** A data window ends this many days before the deploy (docs/design.md §6: at least 14 in production). */
  lagDays: number;
  /** Later workloads deploy this many days after the previous one, so deploys do not coincide. */
  staggerDays: number;
}

export function defaultSchedule(days: number): Schedule {
  const cycleDays = Math.min(21, Math.max(3, Math.round(days / 4.5)));
  return {
    cycleDays,
    firstDeployDay: cycleDays,
    lagDays: Math.min(14, Math.max(1, cycleDays - 2)),
    staggerDays: Math.max(1, Math.round(cycleDays / 4)),
  };
}

/** What a scenario may change about cycle k (1-based) of a workload; the default is a healthy cycle. */
export interface CycleTweak {
  /** Accuracy change in points; default: drawn from the healthy band. */
  deltaPoints?: number;
  rollbackAfterDays?: number | null;
  fate?: VersionSpec['fate'];
  sycophancyRate?: number;
  capitulationRate?: number;
  /** Stop the chain after this cycle (no more deploys for the workload). */
  last?: boolean;
}

export interface ChainOptions {
  base: WorkloadBase;
  /** Index of the workload, for the stagger. */
  index: number;
  days: number;
  schedule: Schedule;
  seed: number;
  /** Healthy delta band in points. */
  deltaRange: [number, number];
  /** The base version's sycophancy and capitulation. */
  sycophancyRate: number;
  capitulationRate: number;
  tweak?: (cycle: number) => CycleTweak | undefined;
}

const MAX_ACCURACY = 0.95;

/**
 * The versions of one workload: the base, then one cycle every `cycleDays`. A rolled-back or rejected
 * version leaves the next cycle to build on its parent; others inherit sycophancy from their parent,
 * as training on a version's rated output would.
 */
export function versionChain(options: ChainOptions): VersionSpec[] {
  const { base, schedule } = options;
  const rng = new Rng(options.seed, 'chain', base.spec.id);
  const id = base.spec.id;
  const root: VersionSpec = {
    workloadId: id,
    version: `${id}-v0`,
    parent: null,
    deployDay: null,
    rollbackDay: null,
    accuracy: base.accuracy,
    latencyMedianMs: base.latencyMedianMs,
    latencySigma: base.latencySigma,
    sycophancyRate: options.sycophancyRate,
    capitulationRate: options.capitulationRate,
    cycleId: null,
    dataWindow: null,
    evalScore: evalScore(rng, base.accuracy),
    fate: 'deployed',
  };
  const versions = [root];
  let serving = root;
  let windowFrom = 0;
  const first = schedule.firstDeployDay + options.index * schedule.staggerDays;
  for (let k = 1, deployDay = first; deployDay < options.days; k++, deployDay += schedule.cycleDays) {
    const tweak = options.tweak?.(k) ?? {};
    const delta = tweak.deltaPoints ?? rng.uniform(options.deltaRange[0], options.deltaRange[1]);
    const accuracy = round(Math.min(MAX_ACCURACY, Math.max(0.05, serving.accuracy + delta / 100)), 4);
    const windowTo = Math.min(deployDay, Math.max(windowFrom + 1, deployDay - schedule.lagDays));
    const rollbackAfter = tweak.rollbackAfterDays ?? null;
    const fate = tweak.fate ?? (rollbackAfter !== null ? 'rolled_back' : 'deployed');
    const version: VersionSpec = {
      workloadId: id,
      version: `${id}-v${k}`,
      parent: serving.version,
      deployDay,
      rollbackDay:
        rollbackAfter !== null && fate === 'rolled_back'
          ? Math.min(options.days, deployDay + rollbackAfter)
          : null,
      accuracy,
      latencyMedianMs: Math.round(serving.latencyMedianMs * rng.uniform(0.92, 1.06)),
      latencySigma: serving.latencySigma,
      sycophancyRate: tweak.sycophancyRate ?? serving.sycophancyRate,
      capitulationRate: tweak.capitulationRate ?? serving.capitulationRate,
      cycleId: `${id}-cycle-${k}`,
      dataWindow: { fromDay: windowFrom, toDay: windowTo },
      evalScore: evalScore(rng, accuracy),
      fate,
    };
    versions.push(version);
    windowFrom = windowTo;
    if (fate === 'deployed') serving = version;
    if (tweak.last) break;
  }
  return versions;
}

// The golden set tracks production accuracy closely but not exactly (200 items: ±1–2 points).
function evalScore(rng: Rng, accuracy: number): number {
  return round(Math.min(1, Math.max(0, accuracy + 0.012 * rng.normal())), 4);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Knobs of the cycle schedule that every scenario accepts. */
export interface CycleParams {
  /** Healthy accuracy gain per cycle, in points, drawn uniformly. */
  deltaMin: number;
  deltaMax: number;
  cycleDays?: number;
  firstDeployDay?: number;
  lagDays?: number;
}

export const HEALTHY_DELTAS = { deltaMin: 2, deltaMax: 5 } as const;

/** Base sycophancy of every version unless a scenario changes it. */
export const BASE_SYCOPHANCY = { sycophancyRate: 0.03, capitulationRate: 0.12 } as const;

/** Versions of every workload of the default product, with `tweak` changing chosen cycles. */
export function chainsFor(
  bases: readonly WorkloadBase[],
  days: number,
  seed: number,
  params: CycleParams,
  tweak?: (workloadId: string, cycle: number) => CycleTweak | undefined,
): VersionSpec[] {
  const schedule = resolveSchedule(days, params);
  if (schedule.cycleDays < 1) throw new Error('cycleDays must be at least 1');
  return bases.flatMap((base, index) =>
    versionChain({
      base,
      index,
      days,
      schedule,
      seed,
      deltaRange: [params.deltaMin, params.deltaMax],
      ...BASE_SYCOPHANCY,
      ...(tweak ? { tweak: (k: number) => tweak(base.spec.id, k) } : {}),
    }),
  );
}

/** The schedule `chainsFor` uses: the defaults for the run's length, overridden by the params. */
export function resolveSchedule(days: number, params: CycleParams): Schedule {
  const defaults = defaultSchedule(days);
  const cycleDays = params.cycleDays ?? defaults.cycleDays;
  return {
    cycleDays,
    firstDeployDay: params.firstDeployDay ?? cycleDays,
    lagDays: params.lagDays ?? Math.min(14, Math.max(1, cycleDays - 2)),
    staggerDays: Math.max(1, Math.round(cycleDays / 4)),
  };
}

/** The deploy day of cycle k (1-based) of the workload at `index`. */
export function deployDayOf(days: number, params: CycleParams, index: number, cycle: number): number {
  const s = resolveSchedule(days, params);
  return s.firstDeployDay + index * s.staggerDays + (cycle - 1) * s.cycleDays;
}
