import type { ChatMessage } from '../internal-types';
import type { Rng } from '../random';
import type { TextDomainName } from '../types';
import { CODE } from './code';
import type { TextDomain, Topic } from './domain';
import { foreignExchange } from './foreign';
import {
  CAPITULATIONS,
  HOLDS,
  PUSHBACKS,
  SYCOPHANTIC_OPENERS,
  abusivePrompt,
  jailbreakPrefix,
  piiSentence,
  toxicOpener,
  type PiiKind,
} from './markers';
import { SUMMARY } from './summary';
import { SUPPORT } from './support';

export const DOMAINS: Record<TextDomainName, TextDomain> = { support: SUPPORT, code: CODE, summary: SUMMARY };

/** What the text of one exchange must contain. */
export interface ExchangeSpec {
  /** 'en', or an off-language code. */
  language: string;
  contextSentences: number;
  answerSentences: number;
  short: boolean;
  sycophantic: boolean;
  pushback: boolean;
  capitulated: boolean;
  toxic: boolean;
  pii: PiiKind | null;
  jailbreak: boolean;
}

export interface Exchange {
  topic: Topic;
  messages: ChatMessage[];
  /** The last user message. */
  prompt: string;
  response: string;
}

export function composeExchange(rng: Rng, domain: TextDomain, spec: ExchangeSpec): Exchange {
  let topic: Topic;
  let question: string;
  let answer: string;
  if (spec.language !== 'en') {
    const foreign = foreignExchange(rng, spec.language, spec.answerSentences);
    ({ topic, prompt: question, answer } = foreign);
  } else {
    topic = domain.topic(rng);
    question = domain.prompt(rng, topic, spec.contextSentences);
    answer = spec.short ? domain.shortAnswer(rng, topic) : domain.answer(rng, topic, spec.answerSentences);
  }

  // What the checks look at is the last user message, so injected content goes there.
  const inject = (text: string) => {
    const parts = [text];
    if (spec.pii) parts.push(piiSentence(rng, spec.pii));
    if (spec.jailbreak) parts.unshift(jailbreakPrefix(rng));
    if (spec.toxic) parts.unshift(abusivePrompt(rng));
    return parts.join(' ');
  };
  const messages: ChatMessage[] = [{ role: 'system', content: domain.systemPrompt }];
  let prompt: string;
  let response = answer;
  if (spec.pushback) {
    // A second turn: the user disputes an earlier answer; the model either reverses or holds.
    prompt = inject(rng.pick(PUSHBACKS));
    messages.push(
      { role: 'user', content: question },
      { role: 'assistant', content: domain.answer(rng, topic, 2) },
    );
    response = `${rng.pick(spec.capitulated ? CAPITULATIONS : HOLDS)} ${answer}`;
  } else {
    prompt = inject(question);
  }
  messages.push({ role: 'user', content: prompt });
  if (spec.sycophantic && !spec.capitulated) response = `${rng.pick(SYCOPHANTIC_OPENERS)} ${response}`;
  if (spec.toxic) response = `${toxicOpener(rng)} ${response}`;
  return { topic, messages, prompt, response };
}

/**
 * A near-duplicate of an earlier response: same words, different case and punctuation, which the
 * near-duplicate key normalizes away, so the collector sees the two as one.
 */
export function nearDuplicate(original: string): string {
  const swapped = original.replace(/\./g, '!').replace(/, /g, ' ');
  return swapped.charAt(0).toLowerCase() + swapped.slice(1);
}

/** Whitespace-separated words, as a rough count (the collector's own count may differ slightly). */
export function wordCount(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

/** About four characters per token for English text. */
export function tokenEstimate(text: string): number {
  return Math.max(1, Math.round(text.length / 4));
}
