import type { SimInteraction } from '../internal-types';
import type { DayVolume } from './types';

/** Running counts of one model version's traffic. */
export interface VersionTally {
  interactions: number;
  withOutcome: number;
  successes: number;
  satisfied: number;
  correct: number;
  sycophantic: number;
  pushbacks: number;
  capitulations: number;
  latencies: number[];
  /** [positives, withOutcome] among sycophantic / not; [correct, withOutcome] likewise. */
  positiveSyc: [number, number];
  positiveNot: [number, number];
  correctSyc: [number, number];
  correctNot: [number, number];
}

export interface MixTally {
  interactions: number;
  promptChars: number;
  workloads: Map<string, number>;
  languages: Map<string, number>;
}

/** Accumulates what was actually generated, day by day, for the ground truth. */
export class TruthRecorder {
  readonly days: DayVolume[] = [];
  readonly versions = new Map<string, VersionTally>();
  readonly kinds = new Map<string, number>();
  readonly gateRejections = new Map<string, number>();
  readonly userInteractions = new Map<number, number>();
  readonly userExplicit = new Map<number, number>();
  readonly content = {
    pii: new Map<string, number>(),
    offLanguage: new Map<string, number>(),
    toxic: 0,
    jailbreak: 0,
    shortResponses: 0,
    nearDuplicates: 0,
    pushbacks: 0,
    capitulations: 0,
    sycophantic: 0,
  };
  /** Latency, correctness and positive outcome of every interaction with a known outcome. */
  readonly rated: Array<{ latencyMs: number; correct: boolean; positive: boolean }> = [];
  readonly mixBefore: MixTally = emptyMix();
  readonly mixAfter: MixTally = emptyMix();

  constructor(private readonly driftDay: number | null) {}

  recordDay(date: string, day: number, interactions: readonly SimInteraction[]): void {
    const perWorkload = new Map<string, DayVolume>();
    for (const i of interactions) {
      let row = perWorkload.get(i.workloadId);
      if (!row) {
        row = {
          date,
          workloadId: i.workloadId,
          interactions: 0,
          signals: 0,
          explicitSignals: 0,
          withOutcome: 0,
          successes: 0,
          expectedGatePassed: 0,
        };
        perWorkload.set(i.workloadId, row);
      }
      const explicit = i.signals.filter((s) => s.explicit).length;
      row.interactions++;
      row.signals += i.signals.length;
      row.explicitSignals += explicit;
      if (i.outcome !== 'unknown') row.withOutcome++;
      if (i.outcome === 'success') row.successes++;
      if (i.gateReasons.length === 0) row.expectedGatePassed++;
      this.recordInteraction(i, explicit);
      if (this.driftDay !== null) addMix(day < this.driftDay ? this.mixBefore : this.mixAfter, i);
    }
    this.days.push(...[...perWorkload.values()].sort((a, b) => a.workloadId.localeCompare(b.workloadId)));
  }

  private recordInteraction(i: SimInteraction, explicit: number): void {
    const v = this.tally(`${i.workloadId}\u0000${i.version}`);
    const known = i.outcome !== 'unknown';
    const positive = i.outcome === 'success';
    v.interactions++;
    v.latencies.push(i.latencyMs);
    if (known) v.withOutcome++;
    if (positive) v.successes++;
    if (i.satisfied) v.satisfied++;
    if (i.correct) v.correct++;
    if (i.sycophantic) v.sycophantic++;
    if (i.pushback) v.pushbacks++;
    if (i.capitulated) v.capitulations++;
    if (known) {
      add(i.sycophantic ? v.positiveSyc : v.positiveNot, positive);
      add(i.sycophantic ? v.correctSyc : v.correctNot, i.correct);
      this.rated.push({ latencyMs: i.latencyMs, correct: i.correct, positive });
    }

    for (const s of i.signals) increment(this.kinds, s.kind);
    for (const r of i.gateReasons) increment(this.gateRejections, r);
    increment(this.userInteractions, i.userIndex);
    if (explicit > 0) increment(this.userExplicit, i.userIndex, explicit);

    const c = this.content;
    if (i.pii) increment(c.pii, i.pii);
    if (i.language !== 'en') increment(c.offLanguage, i.language);
    if (i.toxic) c.toxic++;
    if (i.jailbreak) c.jailbreak++;
    if (i.short) c.shortResponses++;
    if (i.duplicate) c.nearDuplicates++;
    if (i.pushback) c.pushbacks++;
    if (i.capitulated) c.capitulations++;
    if (i.sycophantic) c.sycophantic++;
  }

  tally(key: string): VersionTally {
    let v = this.versions.get(key);
    if (!v) {
      v = {
        interactions: 0,
        withOutcome: 0,
        successes: 0,
        satisfied: 0,
        correct: 0,
        sycophantic: 0,
        pushbacks: 0,
        capitulations: 0,
        latencies: [],
        positiveSyc: [0, 0],
        positiveNot: [0, 0],
        correctSyc: [0, 0],
        correctNot: [0, 0],
      };
      this.versions.set(key, v);
    }
    return v;
  }
}

function emptyMix(): MixTally {
  return { interactions: 0, promptChars: 0, workloads: new Map(), languages: new Map() };
}

function addMix(mix: MixTally, i: SimInteraction): void {
  mix.interactions++;
  mix.promptChars += i.prompt.length;
  increment(mix.workloads, i.workloadId);
  increment(mix.languages, i.language);
}

function add(pair: [number, number], hit: boolean): void {
  if (hit) pair[0]++;
  pair[1]++;
}

function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
