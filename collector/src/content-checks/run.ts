import { DEFAULT_CHECKS_CONFIG } from './config';
import { matchJailbreak } from './jailbreak';
import { detectLanguage } from './language';
import { countChars, countWords, estimateTokens } from './length';
import { nearDuplicateKey } from './near-duplicate';
import { topicRelevance } from './topic';
import { fetchToxicity } from './toxicity-endpoint';
import { lexiconToxicity } from './toxicity';
import type { ChecksConfig, ContentCheckInput, ContentChecks, InputFailure } from './types';

type Measured = Omit<ContentChecks, 'toxicity' | 'passed'>;

function languageOf(prompt: string, response: string): string {
  const fromPrompt = detectLanguage(prompt);
  return fromPrompt !== 'und' ? fromPrompt : detectLanguage(response);
}

function everythingButToxicity(input: ContentCheckInput, config: ChecksConfig): Measured {
  const promptChars = countChars(input.prompt);
  const language = languageOf(input.prompt, input.response);
  const jailbreak = matchJailbreak(input.prompt);
  const topic = config.topicReference ? topicRelevance(input.prompt, config.topicReference) : null;
  const failures: InputFailure[] = [];
  if (promptChars < config.minPromptChars) failures.push('prompt_too_short');
  if (promptChars > config.maxPromptChars) failures.push('prompt_too_long');
  if (!languageAllowed(language, config)) failures.push('language_not_allowed');
  if (jailbreak) failures.push('jailbreak');
  if (topic !== null && topic < config.minTopicRelevance) failures.push('off_topic');
  const tokens = input.outputTokens;
  return {
    responseWords: countWords(input.response),
    responseTokens:
      typeof tokens === 'number' && Number.isFinite(tokens) && tokens >= 0
        ? tokens
        : estimateTokens(input.response),
    language,
    promptChars,
    jailbreak,
    topicRelevance: topic,
    inputFailures: failures,
    dupKey: nearDuplicateKey(input.response),
  };
}

// 'und' passes: a two-word prompt cannot be judged, and rejecting it would punish short prompts
// rather than foreign ones.
function languageAllowed(language: string, config: ChecksConfig): boolean {
  return (
    config.allowedLanguages.length === 0 || language === 'und' || config.allowedLanguages.includes(language)
  );
}

function finish(
  part: Measured,
  toxicity: number,
  input: ContentCheckInput,
  config: ChecksConfig,
): ContentChecks {
  // Field by field rather than a spread of `part`: on short spans the spread was most of the checks' cost.
  return {
    responseWords: part.responseWords,
    responseTokens: part.responseTokens,
    toxicity,
    language: part.language,
    promptChars: part.promptChars,
    jailbreak: part.jailbreak,
    topicRelevance: part.topicRelevance,
    inputFailures: part.inputFailures,
    dupKey: part.dupKey,
    passed: {
      length: part.responseWords >= config.minResponseWords,
      toxicity: toxicity <= config.maxToxicity,
      pii: input.piiKinds.length === 0,
      input: part.inputFailures.length === 0,
      language: languageAllowed(part.language, config),
    },
  };
}

/** Every check with the built-in lexicon scorer; never touches the network. */
export function runContentChecksSync(
  input: ContentCheckInput,
  config: ChecksConfig = DEFAULT_CHECKS_CONFIG,
): ContentChecks {
  return finish(everythingButToxicity(input, config), lexiconToxicity(input.response), input, config);
}

/** Every check, scoring toxicity with the configured endpoint and the lexicon when it fails. */
export async function runContentChecksAsync(
  input: ContentCheckInput,
  config: ChecksConfig = DEFAULT_CHECKS_CONFIG,
): Promise<ContentChecks> {
  const part = everythingButToxicity(input, config);
  const remote = config.toxicityEndpoint
    ? await fetchToxicity(config.toxicityEndpoint, input.response, config.toxicityTimeoutMs ?? 2000)
    : null;
  return finish(part, remote ?? lexiconToxicity(input.response), input, config);
}

/**
 * Synchronous unless a toxicity endpoint is configured, so the common path costs no promise and no
 * event-loop turn; callers that configure an endpoint await the result.
 */
export function runContentChecks(
  input: ContentCheckInput,
  config: ChecksConfig = DEFAULT_CHECKS_CONFIG,
): Promise<ContentChecks> | ContentChecks {
  return config.toxicityEndpoint ? runContentChecksAsync(input, config) : runContentChecksSync(input, config);
}
