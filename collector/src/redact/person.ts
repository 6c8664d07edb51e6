import { CLOSING_LINE, cueBefore } from './person-cues';
import { withoutOverlaps } from './overlaps';
import { findNamesInColumns } from './person-columns';
import { forEachNameRun, nameLike } from './person-tokens';
import type { NameToken } from './person-tokens';
import type { PiiMatch } from './types';

const MAX_NAME_TOKENS = 5;
const AFTER_ADDRESSED = /^(?:\s*(?:[,!.;:?\n]|$)|\s+[-–—])/;
const DISPLAY_NAME_AFTER = /^["']?\s?<[^\s<>@]{1,64}@/;

/** Tokens from `from` on that form one name (at most five), as an exclusive end index. */
function extend(run: readonly NameToken[], from: number): number {
  let end = from;
  while (end < run.length && end - from < MAX_NAME_TOKENS && nameLike(run[end]!)) end++;
  // A particle or an initial cannot end a name ("Van" alone, "Anna R." is fine: an initial may).
  while (end > from && run[end - 1]!.role === 'particle') end--;
  return end;
}

/** At least one part that is a name rather than an initial or a particle. */
function hasNamePart(run: readonly NameToken[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (run[i]!.role === 'word') return true;
  return false;
}

const LINE_WINDOW = 120;

/**
 * Whether the run fills its line, what the closest non-empty line above says, and whether it is the
 * last line. Only a bounded window around the run is read: a line longer than that is no signature,
 * and scanning to the text's ends for each run would be quadratic on a text without line breaks.
 */
function lineOf(
  text: string,
  start: number,
  end: number,
): { alone: boolean; previous: string; last: boolean } {
  const none = { alone: false, previous: '', last: false };
  let lineStart = start;
  while (lineStart > 0 && start - lineStart < LINE_WINDOW && text[lineStart - 1] !== '\n') lineStart--;
  if (lineStart === 0 || text[lineStart - 1] !== '\n') return none;
  let lineEnd = end;
  while (lineEnd < text.length && lineEnd - end < LINE_WINDOW && text[lineEnd] !== '\n') lineEnd++;
  if (text.slice(lineStart, start).trim() !== '' || text.slice(end, lineEnd).trim() !== '') return none;
  const above = text.slice(Math.max(0, lineStart - LINE_WINDOW), lineStart - 1).split('\n');
  let previous = '';
  for (let i = above.length - 1; i >= 0 && previous === ''; i--) previous = above[i]!.trim();
  const last = text.length - end <= LINE_WINDOW && text.slice(end).trim() === '';
  return { alone: true, previous, last };
}

/** The name a cue before or around the run points at, as [start, end) offsets, or undefined. */
function cuedName(text: string, run: readonly NameToken[]): [number, number] | undefined {
  // A title inside the run: the name follows the last one ("Herr Dr. Konstantin Weißgerber"),
  // with the particle that may open it ("Madame de La Rochefoucauld", "Frau von Bredow").
  let title = -1;
  for (let i = 0; i < run.length - 1; i++) if (run[i]!.role === 'title') title = i;
  if (title >= 0) {
    const to = extend(run, title + 1);
    if (!hasNamePart(run, title + 1, to)) return undefined;
    const gapStart = run[title]!.end + 1;
    return [gapStart < run[title + 1]!.start ? gapStart : run[title + 1]!.start, run[to - 1]!.end];
  }
  const first = run[0]!;
  if (first.role === 'greeting' && run.length > 1) {
    const to = extend(run, 1);
    const name = run[1]!;
    const addressed = to - 1 > 1 || AFTER_ADDRESSED.test(text.slice(run[to - 1]!.end, run[to - 1]!.end + 3));
    const ok = to > 1 && (name.given || name.surname) && !name.cueOnly && addressed;
    return ok ? [name.start, run[to - 1]!.end] : undefined;
  }
  if (!nameLike(first)) return undefined;
  const to = extend(run, 0);
  if (!hasNamePart(run, 0, to)) return undefined;
  const span: [number, number] = [first.start, run[to - 1]!.end];
  const cue = cueBefore(text, first.start);
  if (cue === 'introduced') return span;
  if (DISPLAY_NAME_AFTER.test(text.slice(span[1], span[1] + 70))) return span;
  const line = to === run.length ? lineOf(text, span[0], span[1]) : undefined;
  if (line?.alone && CLOSING_LINE.test(line.previous)) return span;
  if (!first.given || first.cueOnly) return undefined;
  // A known given name alone on the last line of a message signs it ("…rotate it today.\n\nRavi").
  if (line?.last) return span;
  if (cue === 'weak' || cue === 'role') return span;
  if (cue === 'greeting' && AFTER_ADDRESSED.test(text.slice(span[1], span[1] + 3))) return span;
  return undefined;
}

/**
 * A known given name followed by a surname, another name part or an initial and a surname. A given
 * name that is also an everyday word ("May", "Grace") needs a known surname that is not one.
 */
function listedName(run: readonly NameToken[], from: number): number | undefined {
  const first = run[from]!;
  if (!first.given || first.cueOnly || first.role !== 'word') return undefined;
  let next = from + 1;
  // Initials and particles may stand between: "Gareth R. Pembroke", "Gianluca De Luca".
  while (next < run.length && (run[next]!.role === 'initial' || run[next]!.role === 'particle')) next++;
  const second = run[next];
  if (!second || second.role !== 'word' || !nameLike(second)) return undefined;
  if (first.everyday && !(second.surname && !second.everyday)) return undefined;
  if (second.everyday && !second.surname) return undefined;
  return extend(run, from);
}

/**
 * Person names: a title, an introduction, a greeting, a signature or a name field before them, or a
 * known given name followed by a surname. Single given names without a cue, names written in lower
 * case or in capitals, and names in non-Latin scripts are not found.
 */
export function findPersons(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  forEachNameRun(text, (run) => {
    const cued = cuedName(text, run);
    if (cued) {
      out.push({ kind: 'PERSON', start: cued[0], end: cued[1] });
      return;
    }
    for (let i = 0; i < run.length; i++) {
      const to = listedName(run, i);
      if (to === undefined) continue;
      out.push({ kind: 'PERSON', start: run[i]!.start, end: run[to - 1]!.end });
      i = to - 1;
    }
  });
  for (const m of findNamesInColumns(text)) out.push(m);
  return withoutOverlaps(out);
}
