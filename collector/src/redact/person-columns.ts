import { COMMON_WORDS } from './name-lexicon';
import type { PiiMatch } from './types';

// A CSV or TSV header naming a column for people ("name", "first_name", "holder", "Nachname"): the
// cells below it are names even when no list knows them ("Oliver,Brennan,Dublin").
/** Every column name below contains one of these; a line without any is no header of names. */
const COLUMN_STEMS = [
  'name',
  'nom',
  'naam',
  'holder',
  'employee',
  'customer',
  'contact',
  'apellido',
  'cognome',
];
const DELIMITERS = [',', ';', '\t', '|'];
const COLUMN_NAMES = new Set(
  'firstname first_name lastname last_name fullname full_name givenname given_name familyname family_name surname name holder accountholder account_holder employee customer contact nombre apellido apellidos nom prénom prenom vorname nachname nome cognome naam voornaam achternaam'.split(
    ' ',
  ),
);
const NAME_CELL =
  /^\p{Lu}[\p{L}\p{M}'’.-]{0,40}(?:,? (?:(?:de|van|von|der|den|da|di|du|des|dos|das|la|le) ){0,2}\p{Lu}[\p{L}\p{M}'’.-]{0,40}){0,4}$/u;
const MAX_ROWS = 10_000;
/** A header or row longer than this is not part of a table of names. */
const MAX_HEADER = 4096;

/** Cells of one line with their offsets; double quotes group a cell that holds the delimiter. */
function cells(line: string, offset: number, delimiter: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    if (i === line.length || (ch === delimiter && !quoted)) {
      let a = start;
      let b = i;
      while (a < b && (line[a] === ' ' || line[a] === '"')) a++;
      while (b > a && (line[b - 1] === ' ' || line[b - 1] === '"' || line[b - 1] === '\r')) b--;
      out.push({ text: line.slice(a, b), start: offset + a });
      start = i + 1;
    }
  }
  return out;
}

function isName(cell: string): boolean {
  if (!NAME_CELL.test(cell)) return false;
  // "Total", "Unknown", "N/A": a cell of everyday words only is not a name.
  return cell.split(/[ ,]+/).some((w) => !COMMON_WORDS.has(w.replace(/\.$/, '').toLowerCase()));
}

/** The end of the line that starts at `start`. */
function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  return end === -1 ? text.length : end;
}

/** The indices of the header's name columns, or an empty list. */
function nameColumns(headerCells: readonly { text: string }[]): number[] {
  const out: number[] = [];
  headerCells.forEach((c, i) => {
    if (COLUMN_NAMES.has(c.text.toLowerCase().replace(/\s/g, ''))) out.push(i);
  });
  return out;
}

/**
 * Names in the columns a header line declares as people's. One pass over the lines; a line is split
 * into cells only when it holds a delimiter and a column-name stem.
 */
export function findNamesInColumns(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  let start = 0;
  while (start < text.length) {
    let end = lineEnd(text, start);
    const header = end - start <= MAX_HEADER ? text.slice(start, end) : '';
    const delimiter = DELIMITERS.find((d) => header.includes(d));
    const lower = delimiter ? header.toLowerCase() : '';
    if (delimiter && COLUMN_STEMS.some((stem) => lower.includes(stem))) {
      const headerCells = cells(header, start, delimiter);
      const columns = nameColumns(headerCells);
      for (let row = 0; columns.length > 0 && row < MAX_ROWS && end < text.length; row++) {
        const rowStart = end + 1;
        const rowEnd = lineEnd(text, rowStart);
        const rowText = text.slice(rowStart, rowEnd);
        if (rowEnd - rowStart > MAX_HEADER || !rowText.includes(delimiter)) break;
        const cellsOfRow = cells(rowText, rowStart, delimiter);
        if (cellsOfRow.length !== headerCells.length) break;
        for (const i of columns) {
          const c = cellsOfRow[i]!;
          if (isName(c.text)) out.push({ kind: 'PERSON', start: c.start, end: c.start + c.text.length });
        }
        end = rowEnd;
      }
    }
    start = end + 1;
  }
  return out;
}
