import type { InteractionRow } from '@flywheel/storage';
import {
  DEFAULT_CHECKS_CONFIG,
  runContentChecks,
  type ChecksConfig,
  type ContentChecks,
} from '../content-checks';

function withChecks(row: InteractionRow, checks: ContentChecks): InteractionRow {
  return {
    ...row,
    // The instrumentation's own language wins; the detector fills the gap.
    language: row.language || checks.language,
    response_words: checks.responseWords,
    response_tokens: checks.responseTokens,
    toxicity: checks.toxicity,
    prompt_chars: checks.promptChars,
    jailbreak: checks.jailbreak,
    topic_relevance: checks.topicRelevance,
    input_failures: checks.inputFailures,
    dup_key: checks.dupKey,
    checks_passed: checks.passed,
  };
}

/** Content checks (docs/design.md §5) on an already redacted interaction; stored as values plus pass/fail. */
export async function checkInteraction(
  row: InteractionRow,
  config: ChecksConfig = DEFAULT_CHECKS_CONFIG,
): Promise<InteractionRow> {
  const checks = await runContentChecks(
    {
      prompt: row.prompt,
      response: row.response,
      outputTokens: row.output_tokens || undefined,
      piiKinds: row.pii_kinds ?? [],
    },
    config,
  );
  return withChecks(row, checks);
}
