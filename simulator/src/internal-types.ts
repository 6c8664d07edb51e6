import type { SignalKind } from '@flywheel/semconv';
import type { PiiKind } from './text/markers';
import type { GateReason, Outcome } from './types';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface SimSignal {
  kind: SignalKind;
  timeMs: number;
  /** Edit ratio of `edited`. */
  value?: number;
  correction?: string;
  explicit: boolean;
}

/** One simulated LLM call with everything the simulator knows about it, including the hidden truth. */
export interface SimInteraction {
  requestId: string;
  workloadId: string;
  service: string;
  provider: string;
  model: string;
  version: string;
  day: number;
  userIndex: number;
  userId: string;
  sessionId: string;
  startMs: number;
  latencyMs: number;
  ttftMs: number;
  /** Percentile of the latency in the behaviour's reference distribution: 0 fastest, 1 slowest. */
  latencyPercentile: number;
  messages: ChatMessage[];
  prompt: string;
  response: string;
  inputTokens: number;
  outputTokens: number;
  language: string;
  qualityScore: number | null;
  correct: boolean;
  satisfied: boolean;
  sycophantic: boolean;
  pushback: boolean;
  capitulated: boolean;
  toxic: boolean;
  pii: PiiKind | null;
  jailbreak: boolean;
  short: boolean;
  duplicate: boolean;
  signals: SimSignal[];
  outcome: Outcome;
  decidingKind: SignalKind | null;
  gateReasons: GateReason[];
}
