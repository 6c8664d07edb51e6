/**
 * Terms the English dataset of `obscenity` does not cover: insults and threats, and profanity in
 * the other languages the product sees most. Matched on folded text (lower case, no accents).
 * Weights are severities: 0.3 mild profanity, 0.6 insult or slur aimed at someone, 0.9 threat or
 * incitement to self-harm.
 */
export interface LexiconTerm {
  pattern: string;
  weight: number;
}

export const MILD = 0.3;
export const INSULT = 0.6;
export const THREAT = 0.9;

/** Matched between word boundaries (Latin, Cyrillic and other spaced scripts). */
export const SPACED_TERMS: readonly LexiconTerm[] = [
  // en
  {
    pattern:
      "you(?: are|'re| r) (?:an? )?(?:idiot|moron|imbecile|loser|worthless|pathetic|stupid|dumb|useless piece)",
    weight: INSULT,
  },
  { pattern: 'idiot|moron|imbecile|dumbass|stfu', weight: MILD },
  { pattern: 'shut (?:the (?:fuck )?)?up', weight: MILD },
  { pattern: 'double penetration', weight: INSULT },
  {
    pattern:
      "(?:go )?kill yourself|kys|i(?: will|'ll) (?:kill|murder|hurt) you|you (?:should|deserve to) die|hope you die",
    weight: THREAT,
  },
  // de
  { pattern: 'arschloch|wichser|hurensohn|fotze|missgeburt|spast', weight: INSULT },
  { pattern: 'scheisse|scheiss|verdammt', weight: MILD },
  {
    pattern: 'fick dich|verpiss dich|halt die fresse|du (?:bist ein )?(?:idiot|vollidiot|depp)',
    weight: INSULT,
  },
  { pattern: '(?:ich )?bring(?:e)? dich um|bring dich um|du sollst sterben', weight: THREAT },
  // fr
  { pattern: 'connard|connasse|salope|encule|enculee|fils de pute|nique ta mere|ta gueule', weight: INSULT },
  { pattern: 'putain|merde|bordel', weight: MILD },
  { pattern: 'va te faire foutre|casse-toi', weight: INSULT },
  { pattern: 'je vais te tuer|suicide-toi', weight: THREAT },
  // es
  { pattern: 'pendejo|gilipollas|cabron|hijo de puta|imbecil|estupido|idiota', weight: INSULT },
  { pattern: 'mierda|joder|puta', weight: MILD },
  { pattern: 'vete a la mierda|jodete|callate', weight: INSULT },
  { pattern: 'te voy a matar|matate|muerete', weight: THREAT },
  // pt
  {
    pattern: 'caralho|filho da puta|babaca|otario|arrombado|vai se foder|foda-se|cala a boca',
    weight: INSULT,
  },
  { pattern: 'porra|merda', weight: MILD },
  { pattern: 'vou te matar|se mata', weight: THREAT },
];

/** Matched as substrings: Japanese and Chinese put no spaces around words. */
export const UNSPACED_TERMS: readonly LexiconTerm[] = [
  { pattern: '死ね|殺すぞ|殺してやる|去死|杀了你', weight: THREAT },
  { pattern: '傻逼|傻屄|操你妈|肏你妈|贱人|婊子|クズ野郎|ちくしょう', weight: INSULT },
  { pattern: 'バカ|馬鹿|クソ|他妈的|妈的', weight: MILD },
];

/** Words of the `obscenity` English dataset that are clinical, or ordinary words elsewhere. */
export const NOT_TOXIC_IN_CONTEXT: ReadonlySet<string> = new Set([
  'anal',
  'anus',
  'penis',
  'vagina',
  'sex',
  'semen',
  'ejaculate',
  'orgasm',
  'incest',
  'rape',
  'masturbate',
  'bestiality',
  'negro',
  'abo',
  'scat',
  'hooker',
]);

/** Phrases of the `obscenity` dataset that span words; the lexicon above matches them instead. */
export const SPANS_WORDS: ReadonlySet<string> = new Set(['double penetration']);

/** Slurs among the `obscenity` terms: weighted as attacks, not as mild profanity. */
export const SLURS: ReadonlySet<string> = new Set([
  'abeed',
  'africoon',
  'arabush',
  'boonga',
  'chingchong',
  'chink',
  'dyke',
  'fag',
  'kike',
  'nigger',
  'retard',
  'spastic',
  'tranny',
]);
