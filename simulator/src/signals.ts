import { EDIT_RATIO_POSITIVE_MAX, type SignalKind } from '@flywheel/semconv';
import type { SimSignal } from './internal-types';
import type { Outcome } from './types';
import type { Rng } from './random';
import type { SignalSpec } from './types';

/**
 * Default mixes of the implicit signal that decides an interaction (docs/design.md §3's table). Behavioural
 * signals dominate; explicit thumbs are drawn separately and are rare.
 */
export const DEFAULT_POSITIVE_MIX: Partial<Record<SignalKind, number>> = {
  accepted: 0.4,
  copied: 0.38,
  edited: 0.22,
};
export const DEFAULT_NEGATIVE_MIX: Partial<Record<SignalKind, number>> = {
  regenerated: 0.3,
  abandoned: 0.16,
  corrected: 0.15,
  edited: 0.15,
  early_termination: 0.1,
  deleted: 0.06,
  follow_up: 0.08,
};

export interface SignalContext {
  satisfied: boolean;
  /** The user ever presses thumbs. */
  rater: boolean;
  explicitRate: number;
  responseEndMs: number;
  /** The user's own version of the answer, for `corrected` and `edited`. */
  correction: () => string;
}

export function drawSignals(rng: Rng, spec: SignalSpec, ctx: SignalContext): SimSignal[] {
  const signals: SimSignal[] = [];
  const at = () => ctx.responseEndMs + delayMs(rng, spec);
  if (rng.chance(spec.coverage)) {
    const kind: SignalKind = rng.weighted(ctx.satisfied ? spec.positiveMix : spec.negativeMix);
    const signal: SimSignal = { kind, timeMs: at(), explicit: false };
    if (kind === 'edited') {
      // A small edit keeps the answer (≤ 0.2 of it changed); a large one rewrites it.
      signal.value = round3(
        ctx.satisfied ? rng.uniform(0.02, EDIT_RATIO_POSITIVE_MAX) : rng.uniform(0.3, 0.9),
      );
      signal.correction = ctx.correction();
    }
    if (kind === 'corrected') signal.correction = ctx.correction();
    signals.push(signal);
    if (ctx.satisfied && kind !== 'edited' && rng.chance(spec.followUpRate)) {
      signals.push({ kind: 'follow_up', timeMs: at(), explicit: false });
    }
  }
  if (ctx.rater && rng.chance(ctx.explicitRate)) {
    signals.push({ kind: ctx.satisfied ? 'thumbs_up' : 'thumbs_down', timeMs: at(), explicit: true });
  }
  return signals.sort((a, b) => a.timeMs - b.timeMs);
}

// Minutes after the response; capped well inside the gate's 24-hour signal window.
function delayMs(rng: Rng, spec: SignalSpec): number {
  const minutes = spec.delayMedianMinutes * Math.exp(spec.delaySigma * rng.normal());
  return Math.round(Math.min(minutes, 12 * 60) * 60_000) + 1;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * docs/design.md §3's outcome rule, written independently of the API's SQL so the oracle can check it:
 * the signal with the highest precedence decides, ties go to the latest.
 */
export const PRECEDENCE: Record<SignalKind, number> = {
  thumbs_up: 6,
  thumbs_down: 6,
  corrected: 5,
  regenerated: 4,
  early_termination: 4,
  deleted: 4,
  abandoned: 4,
  edited: 3,
  accepted: 2,
  copied: 2,
  follow_up: 1,
};

export function decidingSignal(signals: readonly SimSignal[]): SimSignal | null {
  let best: SimSignal | null = null;
  for (const s of signals) {
    if (!best) best = s;
    else {
      const rank = PRECEDENCE[s.kind] - PRECEDENCE[best.kind];
      if (rank > 0 || (rank === 0 && s.timeMs >= best.timeMs)) best = s;
    }
  }
  return best;
}

export function isPositive(signal: SimSignal): boolean {
  switch (signal.kind) {
    case 'thumbs_up':
    case 'accepted':
    case 'copied':
      return true;
    case 'edited':
      return signal.value !== undefined && signal.value <= EDIT_RATIO_POSITIVE_MAX;
    default:
      return false;
  }
}

export function outcomeOf(signals: readonly SimSignal[]): Outcome {
  const deciding = decidingSignal(signals);
  if (!deciding) return 'unknown';
  return isPositive(deciding) ? 'success' : 'failure';
}
