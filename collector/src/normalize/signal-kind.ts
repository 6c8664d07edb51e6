import { EXPLICIT_SIGNAL_KINDS, isSignalKind, type SignalKind } from '@flywheel/semconv';

// Evaluation names that other tools use for a user's explicit one-bit rating.
const THUMBS_NAMES = new Set(['thumbs', 'user_feedback', 'feedback', 'user_rating', 'thumbs_up_down']);
const POSITIVE_LABELS = new Set(['up', 'thumbs_up', 'positive', 'good', 'like', '👍', 'true', 'yes']);
const NEGATIVE_LABELS = new Set(['down', 'thumbs_down', 'negative', 'bad', 'dislike', '👎', 'false', 'no']);

/**
 * The signal kind an evaluation (`gen_ai.evaluation.result` event or OpenInference annotation) stands for:
 * `flywheel.<kind>` or a bare kind by name or label; a generic user-feedback evaluation by its label or
 * score (≥ 0.5 positive). Other evaluations (judges, metrics) are not user signals: undefined.
 */
export function kindOfEvaluation(name: string, label?: string, score?: number): SignalKind | undefined {
  const bare = name.startsWith('flywheel.') ? name.slice('flywheel.'.length) : name;
  if (isSignalKind(bare)) return bare;
  const normalizedLabel = label?.trim().toLowerCase();
  if (isSignalKind(normalizedLabel)) return normalizedLabel;
  if (!THUMBS_NAMES.has(bare.toLowerCase())) return undefined;
  if (normalizedLabel && POSITIVE_LABELS.has(normalizedLabel)) return 'thumbs_up';
  if (normalizedLabel && NEGATIVE_LABELS.has(normalizedLabel)) return 'thumbs_down';
  if (score !== undefined) return score >= 0.5 ? 'thumbs_up' : 'thumbs_down';
  return undefined;
}

export function isExplicitKind(kind: SignalKind): boolean {
  return EXPLICIT_SIGNAL_KINDS.has(kind);
}
