import { SIGNAL_PRECEDENCE, signalPolarity, type SignalKind } from '@flywheel/semconv';

/**
 * docs/design.md §3's outcome rule written in TypeScript from semconv's tables, independently of the
 * API's SQL, for the agreement test to hold every endpoint against.
 */

export type Outcome = 'success' | 'failure' | 'unknown';

export interface RuleSignal {
  kind: SignalKind;
  timeMs: number;
  /** Edit ratio of an `edited` signal. */
  value?: number;
  explicit: boolean;
}

export interface Decision {
  outcome: Outcome;
  /** The kind of the deciding signal, null without one. */
  deciding: SignalKind | null;
}

const HOUR_MS = 3_600_000;
/** A signal up to a day before its response counts: clock skew (docs/decisions.md). */
const CLOCK_SKEW_MS = 24 * HOUR_MS;

/** The signals that count: known at asOf, from a day before the response to the window's end. */
export function countedSignals(
  signals: readonly RuleSignal[],
  interactionMs: number,
  asOfMs: number,
  signalWindowHours: number,
): RuleSignal[] {
  return signals.filter(
    (s) =>
      s.timeMs <= asOfMs &&
      s.timeMs >= interactionMs - CLOCK_SKEW_MS &&
      s.timeMs <= interactionMs + signalWindowHours * HOUR_MS,
  );
}

/**
 * Whether `a` decides over `b`: higher precedence; then later; at the same time a negative signal
 * over a positive one; then the kind later in alphabetical order.
 */
function decidesOver(a: RuleSignal, b: RuleSignal): boolean {
  const rank = SIGNAL_PRECEDENCE[a.kind] - SIGNAL_PRECEDENCE[b.kind];
  if (rank !== 0) return rank > 0;
  if (a.timeMs !== b.timeMs) return a.timeMs > b.timeMs;
  const negative = signalPolarity(b.kind, b.value) - signalPolarity(a.kind, a.value);
  if (negative !== 0) return negative > 0;
  return a.kind > b.kind;
}

/** The rule over the given (already counted) signals. */
export function decide(signals: readonly RuleSignal[]): Decision {
  let best: RuleSignal | null = null;
  for (const s of signals) if (!best || decidesOver(s, best)) best = s;
  if (!best) return { outcome: 'unknown', deciding: null };
  return {
    outcome: signalPolarity(best.kind, best.value) === 1 ? 'success' : 'failure',
    deciding: best.kind,
  };
}
