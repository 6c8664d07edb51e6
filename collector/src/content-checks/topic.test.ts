import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKS_CONFIG } from './config';
import { cosine, topicRelevance, trigramVector } from './topic';

const REFERENCE =
  'Customer support for Acme home routers: wifi setup, firmware updates, connection drops, passwords, billing and refunds.';

describe('topicRelevance', () => {
  it('separates on-topic from off-topic prompts at the default threshold', () => {
    const threshold = DEFAULT_CHECKS_CONFIG.minTopicRelevance;
    for (const prompt of [
      'my wifi keeps dropping every hour',
      'How do I update the firmware on my router?',
      'I want a refund for my billing error',
      'I forgot the admin password of the router',
    ]) {
      expect(topicRelevance(prompt, REFERENCE), prompt).toBeGreaterThanOrEqual(threshold);
    }
    for (const prompt of [
      'Write a poem about the sea',
      'What is the capital of France?',
      'Explain quantum entanglement',
      'Give me a recipe for pancakes',
    ]) {
      expect(topicRelevance(prompt, REFERENCE), prompt).toBeLessThan(threshold);
    }
  });

  it('is 1 for identical text, 0 for nothing in common, symmetric and within [0,1]', () => {
    expect(topicRelevance(REFERENCE, REFERENCE)).toBeCloseTo(1, 6);
    expect(topicRelevance('zzz qqq', REFERENCE)).toBe(0);
    const a = trigramVector('router firmware');
    const b = trigramVector('firmware of the router and the modem');
    expect(cosine(a, b)).toBeCloseTo(cosine(b, a), 12);
    expect(cosine(a, b)).toBeGreaterThan(0);
    expect(cosine(a, b)).toBeLessThanOrEqual(1);
  });

  it('ignores stop words and placeholders', () => {
    expect(topicRelevance('the and of to <EMAIL>', REFERENCE)).toBe(0);
  });
});
