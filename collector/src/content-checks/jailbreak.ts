import { JAILBREAK_PATTERNS } from './jailbreak-patterns';
import { foldText } from './normalize';

const escape = (literal: string): string => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Every pattern's anchors in one alternation: a single scan of the prompt (about 7 µs per 1.5 KB)
// where the six patterns failing one by one took 30, as did 45 separate `includes`.
const ANY_ANCHOR = new RegExp(JAILBREAK_PATTERNS.flatMap((p) => p.anchors.map(escape)).join('|'));

/** Name of the first known jailbreak pattern found in the prompt, or '' if none. */
export function matchJailbreak(prompt: string): string {
  const folded = foldText(prompt);
  return ANY_ANCHOR.test(folded) ? firstMatch(folded) : '';
}

/** Without the anchor screen: what the screen must agree with. */
export function matchJailbreakUnscreened(prompt: string): string {
  return firstMatch(foldText(prompt));
}

function firstMatch(folded: string): string {
  for (const { name, pattern } of JAILBREAK_PATTERNS) if (pattern.test(folded)) return name;
  return '';
}
