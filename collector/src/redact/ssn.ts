import { isValidSsn } from './checksums';
import type { PiiMatch } from './types';

// The separator must repeat (\2), which keeps ranges like `123-45 6789` and phone fragments out.
const SSN_SEPARATED = /(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w]|-\d)/g;
// Nine bare digits are far more often an id than an SSN, so they count only right after a label.
const SSN_LABELLED =
  /\b(?:SSN|social security(?: number| no\.?| #)?)[ \t]{0,3}(?:#|no\.?|number)?[ \t]{0,3}[:=]?[ \t]{0,3}(\d{3})(\d{2})(\d{4})(?!\w)/gi;

export function findSsns(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  for (const m of text.matchAll(SSN_SEPARATED)) {
    if (isValidSsn(m[1]!, m[3]!, m[4]!))
      out.push({ kind: 'SSN', start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(SSN_LABELLED)) {
    if (!isValidSsn(m[1]!, m[2]!, m[3]!)) continue;
    const end = m.index + m[0].length;
    out.push({ kind: 'SSN', start: end - 9, end });
  }
  return out;
}
