import { JAILBREAK_PATTERNS } from './jailbreak-patterns';
import { foldText } from './normalize';

/** Name of the first known jailbreak pattern found in the prompt, or '' if none. */
export function matchJailbreak(prompt: string): string {
  const folded = foldText(prompt);
  for (const { name, pattern } of JAILBREAK_PATTERNS) if (pattern.test(folded)) return name;
  return '';
}
