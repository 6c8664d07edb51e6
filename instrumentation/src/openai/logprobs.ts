import type { Attributes } from '@opentelemetry/api';
import { ATTR_FLYWHEEL_RESPONSE_MEAN_LOGPROB, ATTR_FLYWHEEL_RESPONSE_MIN_LOGPROB } from '@flywheel/semconv';
import { isRecord } from '../core/messages';

/**
 * The mean and minimum token logprob of a chat completion, from the `logprobs` the provider returns
 * when the app asked for them (`choices[].logprobs.content[].logprob`, refusal tokens in `.refusal`;
 * streamed chunks carry the same per choice). Every choice counts, as the stored response joins them.
 * Two numbers go on the span, never the per-token arrays. Anything malformed records nothing: a partial
 * mean would look more certain or less than the answer was.
 */
export class TokenLogprobs {
  private sum = 0;
  private count = 0;
  private min = 0;
  private malformed = false;

  /** Adds a choice's (or a chunk's choice's) `logprobs` field; absent or null adds nothing. */
  add(logprobs: unknown): void {
    if (logprobs === undefined || logprobs === null || this.malformed) return;
    if (!isRecord(logprobs)) return this.fail();
    for (const tokens of [logprobs.content, logprobs.refusal]) {
      if (tokens === undefined || tokens === null) continue;
      if (!Array.isArray(tokens)) return this.fail();
      for (const token of tokens) {
        const value = isRecord(token) ? token.logprob : undefined;
        if (typeof value !== 'number' || !Number.isFinite(value) || value > 0) return this.fail();
        this.sum += value;
        this.min = this.count === 0 ? value : Math.min(this.min, value);
        this.count += 1;
      }
    }
  }

  /** The span attributes: both numbers, or none when no well-formed token logprob arrived. */
  attributes(): Attributes {
    if (this.malformed || this.count === 0) return {};
    return {
      [ATTR_FLYWHEEL_RESPONSE_MEAN_LOGPROB]: this.sum / this.count,
      [ATTR_FLYWHEEL_RESPONSE_MIN_LOGPROB]: this.min,
    };
  }

  private fail(): void {
    this.malformed = true;
  }
}

/** The logprob attributes of a whole `chat.completion`'s choices. */
export function choiceLogprobs(choices: ReadonlyArray<Record<string, unknown>>): Attributes {
  const logprobs = new TokenLogprobs();
  for (const choice of choices) logprobs.add(choice.logprobs);
  return logprobs.attributes();
}
