import type { SimInteraction } from './internal-types';
import type { GateReason, Outcome } from './types';

/** What a test needs to check one interaction against the API. */
export interface InteractionRecord {
  requestId: string;
  workloadId: string;
  version: string;
  time: string;
  userId: string;
  language: string;
  latencyMs: number;
  outcome: Outcome;
  /** Signal kinds in event-time order. */
  signalKinds: string[];
  correct: boolean;
  satisfied: boolean;
  sycophantic: boolean;
  gateReasons: GateReason[];
}

export function toRecord(i: SimInteraction): InteractionRecord {
  return {
    requestId: i.requestId,
    workloadId: i.workloadId,
    version: i.version,
    time: new Date(i.startMs).toISOString(),
    userId: i.userId,
    language: i.language,
    latencyMs: i.latencyMs,
    outcome: i.outcome,
    signalKinds: i.signals.map((s) => s.kind),
    correct: i.correct,
    satisfied: i.satisfied,
    sycophantic: i.sycophantic,
    gateReasons: i.gateReasons,
  };
}
