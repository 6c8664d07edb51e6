import type { PiiMatch } from './types';

/**
 * One match per stretch of text, for a detector that reads the same entity more than one way (a post
 * box is also a street of no known type; a CSV cell of names is also a given name and a surname): the
 * earliest, then the longest, wins. Sorts `matches` in place.
 */
export function withoutOverlaps(matches: PiiMatch[]): PiiMatch[] {
  if (matches.length < 2) return matches;
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiMatch[] = [];
  for (const m of matches) {
    const last = out.at(-1);
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}
