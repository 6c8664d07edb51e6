import type { ChecksConfig } from './types';

export const DEFAULT_CHECKS_CONFIG: ChecksConfig = Object.freeze({
  // An empty or one-character prompt carries nothing to learn from.
  minPromptChars: 2,
  // Far above any chat turn; what exceeds it is usually a pasted file or an injection payload.
  maxPromptChars: 32_000,
  allowedLanguages: [],
  // Calibrated in topic.test.ts: on-topic support questions score 0.1–0.5, unrelated ones < 0.08.
  // Character trigrams cannot bridge languages: set allowedLanguages alongside a topic reference.
  minTopicRelevance: 0.1,
  // Quality-gate rules 4 and 2 of the design (toxicity ≤ 0.1, response ≥ 20 words).
  maxToxicity: 0.1,
  minResponseWords: 20,
  toxicityTimeoutMs: 2000,
}) as ChecksConfig;
