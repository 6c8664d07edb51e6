import type { InteractionQuery } from '@flywheel/api';

/** A rejection reason of the gate, as the API's contract enumerates them (api/src/queries/gate.ts). */
export type GateReason = NonNullable<InteractionQuery['gateReason']>;

/**
 * The gate's rejection reasons (docs/design.md §5) in words a product manager reads without the design
 * doc. Typed by the contract, so a reason the API adds fails to compile here until it has its words.
 */
const REASONS: Record<GateReason, string> = {
  outcome: 'no accepting signal (accepted, copied, edited or corrected)',
  response_length: 'response too short',
  quality_score: 'quality score too low',
  grounding_score: 'grounding score too low',
  toxicity: 'toxic',
  pii: 'contains personal data',
  prompt_length: 'prompt length out of bounds',
  language: 'language not allowed',
  jailbreak: 'jailbreak pattern',
  off_topic: 'off topic',
  near_duplicate: 'near-duplicate of an earlier candidate',
};

const SHORT: Record<GateReason, string> = {
  outcome: 'no accepting signal',
  response_length: 'too short',
  quality_score: 'low quality',
  grounding_score: 'low grounding',
  toxicity: 'toxic',
  pii: 'personal data',
  prompt_length: 'prompt length',
  language: 'language',
  jailbreak: 'jailbreak',
  off_topic: 'off topic',
  near_duplicate: 'near-duplicate',
};

export function isGateReason(value: string | null): value is GateReason {
  return value !== null && Object.hasOwn(REASONS, value);
}

export function gateReasonText(reason: string): string {
  return isGateReason(reason) ? REASONS[reason] : reason.replace(/_/g, ' ');
}

export function gateReasonShort(reason: string): string {
  return isGateReason(reason) ? SHORT[reason] : reason.replace(/_/g, ' ');
}
