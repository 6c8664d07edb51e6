/**
 * The feedback signal kinds, their polarity and the precedence that decides an interaction's outcome.
 * The one definition: the instrumentation emits these kinds, the collector validates them, and the
 * api's SQL outcome rule is generated from the tables here (docs/design.md §3).
 */
/** Every signal kind an app can record. */
export const SIGNAL_KINDS = [
  'thumbs_up',
  'thumbs_down',
  'accepted',
  'copied',
  'edited',
  'corrected',
  'regenerated',
  'early_termination',
  'abandoned',
  'deleted',
  'follow_up',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const EXPLICIT_SIGNAL_KINDS: ReadonlySet<SignalKind> = new Set(['thumbs_up', 'thumbs_down']);

/** Edit ratio (normalized edit distance) at or below which an `edited` signal counts as positive. */
export const EDIT_RATIO_POSITIVE_MAX = 0.2;

export function isSignalKind(value: unknown): value is SignalKind {
  return typeof value === 'string' && (SIGNAL_KINDS as readonly string[]).includes(value);
}

/**
 * Which signal decides an interaction's outcome: the highest rank wins, ties go to the latest signal.
 * Explicit thumbs > corrected > {regenerated, early_termination, deleted, abandoned} > edited >
 * {accepted, copied} > follow_up.
 */
export const SIGNAL_PRECEDENCE: Readonly<Record<SignalKind, number>> = {
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

/** Kinds that always speak for the response; `edited` does when its edit ratio is small enough. */
export const POSITIVE_SIGNAL_KINDS: readonly SignalKind[] = ['thumbs_up', 'accepted', 'copied'];

/**
 * Whether a signal speaks for (1) or against (0) the response. An `edited` signal without an edit
 * ratio counts against: a rewrite of unknown size is no evidence of success.
 */
export function signalPolarity(kind: SignalKind, value: number | undefined): 0 | 1 {
  if (POSITIVE_SIGNAL_KINDS.includes(kind)) return 1;
  if (kind === 'edited') return value !== undefined && value <= EDIT_RATIO_POSITIVE_MAX ? 1 : 0;
  return 0;
}

export function isExplicitSignal(kind: SignalKind): boolean {
  return EXPLICIT_SIGNAL_KINDS.has(kind);
}
