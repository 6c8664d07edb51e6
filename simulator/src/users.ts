import { Rng, WeightedIndex } from './random';
import type { UserSpec } from './types';

/**
 * The product's users. Activity follows a Zipf law, so a few power users produce a large share of the
 * traffic and most users come rarely. Whether a user ever presses a thumb is fixed per user, and power
 * users are far more likely to: explicit feedback comes from an unrepresentative few (docs/design.md §7,
 * survivorship bias).
 */
export class UserPopulation {
  readonly ids: string[];
  readonly weights: number[];
  readonly raters: boolean[];
  private readonly index: WeightedIndex;

  constructor(spec: UserSpec, seed: number) {
    if (!Number.isInteger(spec.count) || spec.count < 1)
      throw new Error('users.count must be a positive integer');
    const rng = new Rng(seed, 'users');
    this.weights = Array.from({ length: spec.count }, (_, i) => 1 / Math.pow(i + 1, spec.zipfExponent));
    this.index = new WeightedIndex(this.weights);
    const topDecile = Math.max(1, Math.ceil(spec.count / 10));
    this.raters = this.weights.map((_, i) =>
      rng.chance(i < topDecile ? spec.raterShareTopDecile : spec.raterShareRest),
    );
    // Pseudonymous ids, as the instrumentation's salted hash would produce.
    this.ids = this.weights.map(() => `u_${rng.hex(12)}`);
  }

  /** Index of the user behind the next interaction. */
  sample(rng: Rng): number {
    return this.index.sample(rng);
  }

  /** Index order is activity order: index < topDecileSize means "most active 10%". */
  get topDecileSize(): number {
    return Math.max(1, Math.ceil(this.ids.length / 10));
  }
}
