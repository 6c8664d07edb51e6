import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../redact/corpus/load';
import { findProfanity, findProfanityUnscreened } from './profanity';

const TOXIC = [
  'what the fuck is this',
  'f4ck you',
  'sh1t, I forgot',
  'fuuuuuck',
  'FUCKING hell',
  'you b1tch',
  'motherfucker!',
  '"asshole"',
  'this is bullshit.',
  'The Scunthorpe problem',
  'an assassin class',
  'van dyke was an actor',
  'pen is mightier',
];

describe('findProfanity', () => {
  it('gives the same matches as running the matcher on the whole text', () => {
    const texts = [...TOXIC, ...loadCorpus().map((e) => e.text), TOXIC.join(' '), TOXIC.join('\n')];
    // Twice: the second pass is answered from the token cache.
    for (let pass = 0; pass < 2; pass++) {
      for (const text of texts) expect(findProfanity(text), text).toEqual(findProfanityUnscreened(text));
    }
  });

  it('names the dataset word behind an obfuscated match', () => {
    expect(findProfanity('f4ck')).toEqual(['fuck']);
    expect(findProfanity('clean text about routers')).toEqual([]);
  });
});
