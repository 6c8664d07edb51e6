import type { SignalKind } from '@flywheel/semconv';

/**
 * Signal patterns that tell outcome rules apart: ties of precedence at the same and at different times,
 * signals after `asOf`, outside the signal window, exactly on its edges, and before the response.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface PatternSignal {
  kind: SignalKind;
  /** Milliseconds after the interaction, or after asOf when `afterAsOf` is set. */
  at: number;
  afterAsOf?: boolean;
  value?: number;
  correction?: string;
}

export interface Pattern {
  id: string;
  /** Placed so that its signal window is still open at asOf (the others' have closed). */
  open: boolean;
  signals: PatternSignal[];
}

const s = (kind: SignalKind, at: number, extra: Partial<PatternSignal> = {}): PatternSignal => ({
  kind,
  at,
  ...extra,
});

export const PATTERNS: Pattern[] = [
  // Ties of precedence at the same time.
  {
    id: 'thumbs-same-time',
    open: false,
    signals: [s('thumbs_up', 5 * MINUTE), s('thumbs_down', 5 * MINUTE)],
  },
  {
    id: 'accepted-copied-same-time',
    open: false,
    signals: [s('accepted', 5 * MINUTE), s('copied', 5 * MINUTE)],
  },
  {
    id: 'regenerated-abandoned-same-time',
    open: false,
    signals: [s('regenerated', 5 * MINUTE), s('abandoned', 5 * MINUTE)],
  },
  {
    id: 'early-termination-deleted-same-time',
    open: false,
    signals: [s('deleted', 5 * MINUTE), s('early_termination', 5 * MINUTE)],
  },
  {
    id: 'edited-small-large-same-time',
    open: false,
    signals: [s('edited', 5 * MINUTE, { value: 0.1 }), s('edited', 5 * MINUTE, { value: 0.6 })],
  },
  // Ties of precedence at different times: the latest decides.
  {
    id: 'thumbs-down-then-up',
    open: false,
    signals: [s('thumbs_down', 5 * MINUTE), s('thumbs_up', 6 * MINUTE)],
  },
  {
    id: 'thumbs-up-then-down',
    open: false,
    signals: [s('thumbs_up', 5 * MINUTE), s('thumbs_down', 6 * MINUTE)],
  },
  { id: 'copied-then-accepted', open: false, signals: [s('copied', 5 * MINUTE), s('accepted', 7 * MINUTE)] },
  {
    id: 'regenerated-then-abandoned',
    open: false,
    signals: [s('regenerated', 5 * MINUTE), s('abandoned', 9 * MINUTE)],
  },
  // Precedence over time, and the explicit and implicit outcomes apart.
  {
    id: 'thumbs-down-before-accepted',
    open: false,
    signals: [s('thumbs_down', 5 * MINUTE), s('accepted', 6 * MINUTE)],
  },
  {
    id: 'corrected-over-accepted',
    open: false,
    signals: [s('accepted', 5 * MINUTE), s('corrected', 10 * MINUTE, { correction: 'The answer is 42.' })],
  },
  { id: 'edited-small', open: false, signals: [s('edited', 5 * MINUTE, { value: 0.1 })] },
  { id: 'edited-without-ratio', open: false, signals: [s('edited', 5 * MINUTE)] },
  { id: 'follow-up-only', open: false, signals: [s('follow_up', 5 * MINUTE)] },
  { id: 'no-signal', open: false, signals: [] },
  // The signal window: late signals do not count; its end is included.
  { id: 'late-thumbs-down', open: false, signals: [s('accepted', 5 * MINUTE), s('thumbs_down', 25 * HOUR)] },
  { id: 'only-late-thumbs-up', open: false, signals: [s('thumbs_up', 30 * HOUR)] },
  {
    id: 'thumbs-down-at-window-end',
    open: false,
    signals: [s('accepted', 5 * MINUTE), s('thumbs_down', DAY)],
  },
  {
    id: 'thumbs-down-after-window-end',
    open: false,
    signals: [s('accepted', 5 * MINUTE), s('thumbs_down', DAY + 1)],
  },
  // Clock skew: a signal stamped shortly before its response counts, one from days before does not.
  { id: 'thumbs-up-before-response', open: false, signals: [s('thumbs_up', -2 * MINUTE)] },
  {
    id: 'thumbs-down-days-before-response',
    open: false,
    signals: [s('thumbs_down', -2 * DAY), s('copied', 5 * MINUTE)],
  },
  // asOf: signals after it are not known yet; one exactly at it is.
  {
    id: 'thumbs-down-after-as-of',
    open: true,
    signals: [s('accepted', 5 * MINUTE), s('thumbs_down', 30 * MINUTE, { afterAsOf: true })],
  },
  { id: 'only-signal-after-as-of', open: true, signals: [s('thumbs_up', 10 * MINUTE, { afterAsOf: true })] },
  { id: 'regenerated-at-as-of', open: true, signals: [s('regenerated', 0, { afterAsOf: true })] },
  { id: 'open-window-accepted', open: true, signals: [s('accepted', 5 * MINUTE)] },
];
