import { describe, expect, it } from 'vitest';
import { lexiconToxicity } from './toxicity';

describe('lexiconToxicity', () => {
  it('scores clean text 0', () => {
    for (const text of [
      'To reset the router, hold the button for ten seconds.',
      'The Scunthorpe problem is a classic of content filtering.',
      'Sex differences in heart disease are well documented.',
      'Negro means black in Spanish; ich habe ein Abo.',
      'The assassin in the novel is never caught.',
    ]) {
      expect(lexiconToxicity(text), text).toBe(0);
    }
  });

  it('catches obfuscated English profanity', () => {
    for (const text of ['what the fuck', 'f4ck this', 'sh1t happens', 'fuuuuuck'])
      expect(lexiconToxicity(text), text).toBeGreaterThan(0.1);
  });

  it('covers insults and threats in German, French, Spanish, Portuguese, Japanese and Chinese', () => {
    for (const text of [
      'Du bist ein Arschloch',
      'Va te faire foutre, connard',
      'Eres un pendejo',
      'Vai se foder',
      'お前はバカだ',
      '你这个傻逼',
    ]) {
      expect(lexiconToxicity(text), text).toBeGreaterThan(0.1);
    }
  });

  it('orders severity: mild profanity < insult < threat, and more hits score higher', () => {
    const mild = lexiconToxicity('merde, I forgot');
    const insult = lexiconToxicity('you are an idiot');
    const threat = lexiconToxicity('I will kill you');
    expect(mild).toBeLessThan(insult);
    expect(insult).toBeLessThan(threat);
    expect(lexiconToxicity('shit shit shit')).toBeGreaterThan(lexiconToxicity('shit'));
    expect(lexiconToxicity('fuck '.repeat(50))).toBeLessThanOrEqual(1);
  });

  it('weights slurs as attacks', () => {
    expect(lexiconToxicity('you retard')).toBeGreaterThanOrEqual(0.9);
  });
});
