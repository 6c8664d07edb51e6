import { scoreLanguage } from './language-scorer';
import { stripPlaceholders } from './normalize';

// Detection looks at the opening of the text: a language is settled within a few sentences, and the
// cost of n-gram scoring grows with the sample (600 characters cost three times what 200 do).
const SAMPLE_CHARS = 200;
const URL = /\bhttps?:\/\/\S+/g;

/**
 * ISO 639-1 code of the text's language, or 'und' when the text is too short or too mixed for the
 * detector to be confident (eld's own reliability test: enough n-grams and a clear lead over the
 * runner-up), which is the honest answer for "ok", "thanks!" or a bare number.
 */
export function detectLanguage(text: string): string {
  const sample = stripPlaceholders(text.slice(0, SAMPLE_CHARS)).replace(URL, ' ');
  if (!/\p{L}/u.test(sample)) return 'und';
  const { language, reliable } = scoreLanguage(sample);
  return language && reliable ? language : 'und';
}
