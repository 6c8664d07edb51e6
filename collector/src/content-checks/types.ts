export interface ChecksConfig {
  minPromptChars: number;
  maxPromptChars: number;
  /** ISO 639-1 codes; empty allows every language. */
  allowedLanguages: string[];
  /** Text describing the workload's topic; prompts are compared with it when set. */
  topicReference?: string;
  minTopicRelevance: number;
  maxToxicity: number;
  minResponseWords: number;
  /** POST `{text}` → `{score}` in [0,1]; replaces the built-in lexicon scorer when it answers. */
  toxicityEndpoint?: string;
  /** How long to wait for the endpoint before falling back to the lexicon scorer. Default 2000. */
  toxicityTimeoutMs?: number;
}

export type CheckName = 'length' | 'toxicity' | 'pii' | 'input' | 'language';

export type InputFailure =
  'prompt_too_short' | 'prompt_too_long' | 'language_not_allowed' | 'jailbreak' | 'off_topic';

export interface ContentChecks {
  responseWords: number;
  /** The provider's output token count when given, else an estimate. */
  responseTokens: number;
  /** In [0,1], of the response. */
  toxicity: number;
  /** ISO 639-1 ('en', 'de', …) or 'und'. */
  language: string;
  promptChars: number;
  /** Name of the matched known jailbreak pattern, '' if none. */
  jailbreak: string;
  /** null when no topic reference is configured. */
  topicRelevance: number | null;
  inputFailures: InputFailure[];
  /** Near-duplicate key of the normalized response: equal keys ⇒ near-duplicates. */
  dupKey: string;
  passed: Record<CheckName, boolean>;
}

export interface ContentCheckInput {
  prompt: string;
  response: string;
  outputTokens?: number;
  /** Kinds found by redaction in the prompt and the response. */
  piiKinds: string[];
}
