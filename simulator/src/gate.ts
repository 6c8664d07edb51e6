import type { SignalKind } from '@flywheel/semconv';
import type { GateReason } from './types';

/** The default quality gate of docs/design.md §5, as far as the simulator can predict it from what it injected. */
export const EXPECTED_GATE = {
  allowedOutcomeKinds: ['accepted', 'copied', 'corrected', 'edited'] as readonly SignalKind[],
  minResponseWords: 20,
  minQualityScore: 0.6,
} as const;

export interface GateInput {
  decidingKind: SignalKind | null;
  responseWords: number;
  qualityScore: number | null;
  toxic: boolean;
  pii: boolean;
  jailbreak: boolean;
}

/**
 * Rules 1–6 (everything but near-duplicates, which depend on earlier candidates and are added by the
 * generator for the duplicates it injected). Off-language prompts pass: the default gate allows every
 * language.
 */
export function expectedGateReasons(input: GateInput): GateReason[] {
  const reasons: GateReason[] = [];
  if (!input.decidingKind || !EXPECTED_GATE.allowedOutcomeKinds.includes(input.decidingKind))
    reasons.push('outcome');
  if (input.responseWords < EXPECTED_GATE.minResponseWords) reasons.push('response_length');
  if (input.qualityScore !== null && input.qualityScore < EXPECTED_GATE.minQualityScore)
    reasons.push('quality_score');
  if (input.toxic) reasons.push('toxicity');
  if (input.pii) reasons.push('pii');
  if (input.jailbreak) reasons.push('jailbreak');
  return reasons;
}
