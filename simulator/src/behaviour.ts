import { normalCdf, type Rng } from './random';
import type { BehaviourSpec, ContentSpec, VersionSpec } from './types';

/**
 * The hidden truth of one response and how its user feels about it.
 *
 * Under `correctness` ratings a user is satisfied exactly when the response is correct, except that a
 * sycophantic but incorrect response still pleases with probability `sycophancyRatingBoost`. Under
 * `latency` ratings satisfaction follows speed and ignores correctness. Signal coverage does not depend
 * on satisfaction, so the success rate Flywheel measures estimates P(satisfied) without bias.
 */
export interface Judged {
  sycophantic: boolean;
  pushback: boolean;
  capitulated: boolean;
  correct: boolean;
  satisfied: boolean;
}

/** Share of a version's responses that are sycophantic: an agreeing opener or a capitulation. */
export function sycophancyShare(version: VersionSpec, content: ContentSpec): number {
  const capitulating = content.pushbackRate * version.capitulationRate;
  return 1 - (1 - version.sycophancyRate) * (1 - capitulating);
}

/**
 * P(correct | sycophantic) and P(correct | not), apart by `gap` and averaging to the version's accuracy,
 * so sycophancy never looks like it improves correctness.
 */
export function correctnessBySycophancy(accuracy: number, share: number, gap: number): [number, number] {
  return [clamp01(accuracy - gap * (1 - share)), clamp01(accuracy + gap * share)];
}

export function judge(
  rng: Rng,
  version: VersionSpec,
  behaviour: BehaviourSpec,
  content: ContentSpec,
  latencyPercentile: number,
  pushbackRate = content.pushbackRate,
): Judged {
  const pushback = rng.chance(pushbackRate);
  const capitulated = pushback && rng.chance(version.capitulationRate);
  const sycophantic = capitulated || rng.chance(version.sycophancyRate);
  const share = sycophancyShare(version, content);
  const [ifSycophantic, ifNot] = correctnessBySycophancy(
    version.accuracy,
    share,
    behaviour.sycophancyAccuracyGap,
  );
  const correct = rng.chance(sycophantic ? ifSycophantic : ifNot);
  let satisfied: boolean;
  if (behaviour.rating === 'latency') {
    satisfied = rng.chance(clamp01(version.accuracy + behaviour.latencySlope * (0.5 - latencyPercentile)));
  } else {
    satisfied = correct || (sycophantic && rng.chance(behaviour.sycophancyRatingBoost));
  }
  return { sycophantic, pushback, capitulated, correct, satisfied };
}

/** E[P(satisfied)] of a version: the success rate a correct analysis converges to. */
export function expectedSuccessRate(
  version: VersionSpec,
  behaviour: BehaviourSpec,
  content: ContentSpec,
): number {
  if (behaviour.rating === 'latency') return expectedLatencyRating(version, behaviour);
  const share = sycophancyShare(version, content);
  const [ifSycophantic] = correctnessBySycophancy(version.accuracy, share, behaviour.sycophancyAccuracyGap);
  return version.accuracy + share * (1 - ifSycophantic) * behaviour.sycophancyRatingBoost;
}

/**
 * E over the version's log-normal latency of clamp(accuracy + slope × (0.5 − reference percentile)),
 * by the midpoint rule on the standard normal (±6σ): a slow model's users are less satisfied.
 */
function expectedLatencyRating(version: VersionSpec, behaviour: BehaviourSpec): number {
  const { medianMs, sigma } = behaviour.latencyReference;
  const steps = 600;
  let total = 0;
  let mass = 0;
  for (let k = 0; k < steps; k++) {
    const z = -6 + (12 * (k + 0.5)) / steps;
    const density = Math.exp((-z * z) / 2);
    const logLatency = Math.log(version.latencyMedianMs) + version.latencySigma * z;
    const percentile = normalCdf((logLatency - Math.log(medianMs)) / sigma);
    total += density * clamp01(version.accuracy + behaviour.latencySlope * (0.5 - percentile));
    mass += density;
  }
  return total / mass;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
