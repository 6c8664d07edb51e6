import { describe, expect, it } from 'vitest';
import { Rng } from '../random';
import { DOMAINS, composeExchange, nearDuplicate, wordCount, type ExchangeSpec } from './compose';
import { CAPITULATIONS, HOLDS, PUSHBACKS, SYCOPHANTIC_OPENERS, luhnCheckDigit, piiSentence } from './markers';
import { plural } from './vocab';

const plain: ExchangeSpec = {
  language: 'en',
  contextSentences: 1,
  answerSentences: 4,
  short: false,
  sycophantic: false,
  pushback: false,
  capitulated: false,
  toxic: false,
  pii: null,
  jailbreak: false,
};

describe('composeExchange', () => {
  it('writes a question and an answer of realistic length for every domain', () => {
    for (const domain of Object.values(DOMAINS)) {
      const x = composeExchange(new Rng(1), domain, plain);
      expect(x.messages.map((m) => m.role)).toEqual(['system', 'user']);
      expect(x.messages[1]!.content).toBe(x.prompt);
      expect(wordCount(x.response)).toBeGreaterThanOrEqual(25);
      expect(wordCount(x.response)).toBeLessThan(250);
      expect(x.response).not.toMatch(/\{\w+\}/);
      expect(x.prompt).not.toMatch(/\{\w+\}/);
    }
  });

  it('writes terse answers under the gate’s 20 words', () => {
    for (let seed = 0; seed < 50; seed++) {
      for (const domain of Object.values(DOMAINS)) {
        expect(
          wordCount(composeExchange(new Rng(seed), domain, { ...plain, short: true }).response),
        ).toBeLessThan(20);
      }
    }
  });

  it('opens sycophantic answers with praise, and turns pushback into a second turn', () => {
    const syc = composeExchange(new Rng(2), DOMAINS.support, { ...plain, sycophantic: true });
    expect(SYCOPHANTIC_OPENERS.some((o) => syc.response.startsWith(o))).toBe(true);
    const caved = composeExchange(new Rng(3), DOMAINS.support, {
      ...plain,
      pushback: true,
      capitulated: true,
    });
    expect(caved.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(PUSHBACKS.some((p) => caved.prompt.startsWith(p))).toBe(true);
    expect(CAPITULATIONS.some((c) => caved.response.startsWith(c))).toBe(true);
    const held = composeExchange(new Rng(3), DOMAINS.support, { ...plain, pushback: true });
    expect(HOLDS.some((h) => held.response.startsWith(h))).toBe(true);
  });

  it('puts injected content in the last user message, where the checks look', () => {
    const x = composeExchange(new Rng(4), DOMAINS.code, {
      ...plain,
      pushback: true,
      pii: 'email',
      jailbreak: true,
      toxic: true,
    });
    expect(x.prompt).toMatch(/@/);
    expect(x.prompt).toMatch(/ignore|disregard/i);
    expect(x.prompt).toMatch(/idiot|moron|pathetic/i);
    expect(x.response).toMatch(/idiot|moron|shut up/i);
  });

  it('writes off-language exchanges in that language', () => {
    const de = composeExchange(new Rng(5), DOMAINS.support, { ...plain, language: 'de' });
    expect(de.prompt).toMatch(/\b(die|von|ich|das)\b/);
    const es = composeExchange(new Rng(5), DOMAINS.support, { ...plain, language: 'es' });
    expect(es.response).toMatch(/\b(la|de|para|puede|desde)\b/);
  });

  it('is deterministic under a seed', () => {
    expect(composeExchange(new Rng(9), DOMAINS.summary, plain)).toEqual(
      composeExchange(new Rng(9), DOMAINS.summary, plain),
    );
  });
});

describe('markers and words', () => {
  it('computes Luhn check digits, so card numbers are valid', () => {
    // 4111 1111 1111 1111 is the classic valid test number.
    expect(luhnCheckDigit([4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toBe(1);
    const card = piiSentence(new Rng(1), 'card')
      .match(/(\d{4} ){3}\d{4}/)![0]
      .replace(/ /g, '');
    const digits = card.split('').map(Number);
    expect(luhnCheckDigit(digits.slice(0, 15))).toBe(digits[15]);
  });

  it('writes e-mails and phone numbers as users paste them', () => {
    expect(piiSentence(new Rng(2), 'email')).toMatch(/[a-z]+\.[a-z]+\d+@([a-z]+\.)*example\.(com|org|net)/);
    expect(piiSentence(new Rng(3), 'phone')).toMatch(/\+1 \d{3} 555 01\d\d|\(\d{3}\) 555-01\d\d/);
  });

  it('pluralizes list nouns', () => {
    expect(plural('summary')).toBe('summaries');
    expect(plural('inbox')).toBe('inboxes');
    expect(plural('invoice')).toBe('invoices');
  });

  it('makes near-duplicates that differ only in case and punctuation', () => {
    const original = 'Open Billing, choose exports. Then press Save.';
    const copy = nearDuplicate(original);
    expect(copy).not.toBe(original);
    const normalize = (t: string) =>
      t
        .toLowerCase()
        .replace(/[^\p{L}\s]+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    expect(normalize(copy)).toBe(normalize(original));
  });
});
