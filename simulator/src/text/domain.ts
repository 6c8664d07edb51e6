import type { Rng } from '../random';

/** What the text of one exchange is about; stays fixed across the exchange so the text hangs together. */
export interface Topic {
  /** A made-up proper name the exchange is about (a customer, project, file, service). */
  entity: string;
  /** Slot values shared by prompt and answer. */
  feature: string;
  object: string;
}

/** Templated natural text of one kind of workload (support questions, coding help, summaries). */
export interface TextDomain {
  systemPrompt: string;
  topic(rng: Rng): Topic;
  /** The user's message: `contextSentences` sentences of context, then the question. */
  prompt(rng: Rng, topic: Topic, contextSentences: number): string;
  /** A full answer of about `sentences` sentences. */
  answer(rng: Rng, topic: Topic, sentences: number): string;
  /** A terse answer, under 20 words. */
  shortAnswer(rng: Rng, topic: Topic): string;
  /** The user's corrected version of an answer ("No, I meant …"). */
  correction(rng: Rng, topic: Topic): string;
}
