import { judge } from './behaviour';
import { expectedGateReasons } from './gate';
import type { SimInteraction } from './internal-types';
import { Rng, WeightedIndex, normalCdf } from './random';
import { decidingSignal, drawSignals, outcomeOf } from './signals';
import { DOMAINS, composeExchange, nearDuplicate, tokenEstimate, wordCount } from './text/compose';
import type { PiiKind } from './text/markers';
import { VersionTimeline, dayTime } from './timeline';
import type { SimulationPlan, VersionSpec, WorkloadSpec } from './types';
import { UserPopulation } from './users';
import { HOURLY_WEIGHTS, dailyCounts } from './volume';

const PII_KINDS: readonly PiiKind[] = ['email', 'phone', 'card'];
const RECENT_CANDIDATES = 64;

/**
 * Produces a scenario's traffic one day at a time. Each (day, workload) draws from its own seeded
 * stream, so a day's traffic is the same whichever days were generated before it; only the pool that
 * near-duplicates copy from carries over between days.
 */
export class TrafficGenerator {
  readonly users: UserPopulation;
  readonly timeline: VersionTimeline;
  private readonly root: Rng;
  private readonly hours = new WeightedIndex(HOURLY_WEIGHTS);
  private readonly recent = new Map<string, string[]>();

  constructor(readonly plan: SimulationPlan) {
    this.root = new Rng(plan.seed, plan.scenario);
    this.users = new UserPopulation(plan.users, plan.seed);
    this.timeline = new VersionTimeline(plan);
  }

  /** The day's interactions of every workload, in event-time order. */
  generateDay(day: number): SimInteraction[] {
    const counts = dailyCounts(this.plan, day, this.root.fork('volume', day));
    const out: SimInteraction[] = [];
    this.plan.workloads.forEach((workload, w) => {
      const rng = this.root.fork('day', day, workload.id);
      // Times first, in order: a near-duplicate must come after the candidate it copies.
      const times: number[] = [];
      for (let i = 0; i < (counts.get(workload.id) ?? 0); i++) {
        times.push(dayTime(this.plan, day, this.hours.sample(rng)) + rng.int(0, 3_599_999));
      }
      times.sort((a, b) => a - b);
      times.forEach((startMs, i) => out.push(this.interaction(rng, workload, w, day, i, startMs)));
    });
    return out.sort((a, b) => a.startMs - b.startMs || a.requestId.localeCompare(b.requestId));
  }

  private interaction(
    rng: Rng,
    workload: WorkloadSpec,
    w: number,
    day: number,
    i: number,
    startMs: number,
  ): SimInteraction {
    const { plan } = this;
    const content = plan.content;
    const drifted = plan.drift !== null && day >= plan.drift.day ? plan.drift : null;
    const hour = new Date(startMs).getUTCHours();
    const version = this.timeline.at(workload.id, startMs);
    const userIndex = this.users.sample(rng);
    const userId = this.users.ids[userIndex]!;

    const z = rng.normal();
    const latencyMs = Math.round(version.latencyMedianMs * Math.exp(version.latencySigma * z));
    const reference = plan.behaviour.latencyReference;
    const latencyPercentile = normalCdf(Math.log(latencyMs / reference.medianMs) / reference.sigma);
    const truth = judge(rng, version, plan.behaviour, content, latencyPercentile);

    const offLanguageRate = drifted?.offLanguageRate ?? content.offLanguageRate;
    const language = rng.chance(offLanguageRate) ? rng.pick(content.offLanguages) : 'en';
    const lengthFactor = drifted?.promptLengthFactor ?? content.promptLengthFactor;
    const toxic = rng.chance(content.toxicRate);
    const pii = rng.chance(content.piiRate) ? rng.pick(PII_KINDS) : null;
    const jailbreak = rng.chance(content.jailbreakRate);
    const short = rng.chance(content.shortResponseRate);
    const domain = DOMAINS[workload.domain];
    const exchange = composeExchange(rng, domain, {
      language,
      contextSentences: Math.round(rng.uniform(0, 2.5) * lengthFactor),
      answerSentences: rng.int(3, 6),
      short,
      sycophantic: truth.sycophantic,
      pushback: truth.pushback,
      capitulated: truth.capitulated,
      toxic,
      pii,
      jailbreak,
    });
    const pool = this.recent.get(workload.id) ?? [];
    // The toxicity check reads the response, so a toxic exchange keeps its own (toxic) answer.
    const duplicate = !toxic && pool.length > 0 && rng.chance(content.duplicateRate);
    const response = duplicate ? nearDuplicate(rng.pick(pool)) : exchange.response;

    const qualityScore = rng.chance(content.qualityScoreRate) ? this.qualityScore(rng, truth.correct) : null;
    const signals = drawSignals(rng, plan.signals, {
      satisfied: truth.satisfied,
      rater: this.users.raters[userIndex]!,
      explicitRate: plan.users.explicitRate,
      responseEndMs: startMs + latencyMs,
      correction: () => domain.correction(rng, exchange.topic),
    });
    const deciding = decidingSignal(signals);
    const gateReasons = expectedGateReasons({
      decidingKind: deciding?.kind ?? null,
      responseWords: wordCount(response),
      qualityScore,
      toxic,
      pii: pii !== null,
      jailbreak,
    });
    if (duplicate && gateReasons.length === 0) gateReasons.push('near_duplicate');
    if (!duplicate && gateReasons.length === 0) remember(this.recent, workload.id, response);

    const allText = exchange.messages.map((m) => m.content).join('\n');
    return {
      requestId: `${plan.idPrefix}${String(day).padStart(3, '0')}-${w}-${i}`,
      workloadId: workload.id,
      service: workload.service,
      provider: workload.provider,
      model: responseModel(workload, version),
      version: version.version,
      day,
      userIndex,
      userId,
      sessionId: `${userId}-${day}-${Math.floor(hour / 6)}`,
      startMs,
      latencyMs,
      ttftMs: Math.round(latencyMs * rng.uniform(0.08, 0.3)),
      latencyPercentile,
      messages: exchange.messages,
      prompt: exchange.prompt,
      response,
      inputTokens: tokenEstimate(allText),
      outputTokens: tokenEstimate(response),
      language,
      qualityScore,
      ...truth,
      toxic,
      pii,
      jailbreak,
      short,
      duplicate,
      signals,
      outcome: outcomeOf(signals),
      decidingKind: deciding?.kind ?? null,
      gateReasons,
    };
  }

  /** The app's own automated score: high for correct answers, lower and noisier otherwise. */
  private qualityScore(rng: Rng, correct: boolean): number {
    const raw = correct ? 0.82 + 0.1 * rng.normal() : 0.45 + 0.15 * rng.normal();
    const shifted = raw - this.plan.content.qualityScoreShift;
    return Math.round(Math.min(1, Math.max(0, shifted)) * 1000) / 1000;
  }
}

/** Fine-tuned versions answer under a provider-style fine-tune name; the base under the base model. */
function responseModel(workload: WorkloadSpec, version: VersionSpec): string {
  return version.parent === null ? workload.baseModel : `ft:${workload.baseModel}:${version.version}`;
}

function remember(recent: Map<string, string[]>, workloadId: string, response: string): void {
  const pool = recent.get(workloadId) ?? [];
  pool.push(response);
  if (pool.length > RECENT_CANDIDATES) pool.shift();
  recent.set(workloadId, pool);
}
