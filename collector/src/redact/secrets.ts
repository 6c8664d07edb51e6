import { ASSIGNMENT, NOT_SECRET_KEY, PASSWORD_LABEL, PLACEHOLDER_VALUE, SECRET_RULES } from './secret-rules';
import type { PiiMatch } from './types';

const PEM_BEGIN = '-----BEGIN ';
const PEM_HEADER = /^-----BEGIN ((?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?)-----/;
const BASE64_LINE_CHAR = /[A-Za-z0-9+/=\r\n]/;

// Found with indexOf rather than a lazy `[\s\S]*?` so that many BEGIN lines without an END cannot
// make the scan quadratic. A truncated key (no END line, as in a cut-off log) is still a key: its
// base64 body is redacted up to where the body ends.
function findPemBlocks(text: string, out: PiiMatch[]): void {
  let from = text.indexOf(PEM_BEGIN);
  while (from !== -1) {
    const header = PEM_HEADER.exec(text.slice(from, from + 80));
    if (!header) {
      from = text.indexOf(PEM_BEGIN, from + PEM_BEGIN.length);
      continue;
    }
    const bodyStart = from + header[0].length;
    const footer = `-----END ${header[1]}-----`;
    // Search for the footer only up to the next BEGIN, which keeps the whole scan linear.
    const next = text.indexOf(PEM_BEGIN, bodyStart);
    const region = next === -1 ? text.slice(bodyStart) : text.slice(bodyStart, next);
    const endAt = region.indexOf(footer);
    let end: number;
    if (endAt !== -1) {
      end = bodyStart + endAt + footer.length;
    } else {
      end = bodyStart;
      while (end < text.length && BASE64_LINE_CHAR.test(text[end]!)) end++;
      while (end > bodyStart && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    }
    out.push({ kind: 'SECRET', start: from, end });
    from = text.indexOf(PEM_BEGIN, end);
  }
}

function acceptAssignment(key: string, value: string, quoted: boolean): boolean {
  if (!quoted && value.length < 4) return false;
  if (NOT_SECRET_KEY.test(key) || PLACEHOLDER_VALUE.test(value.trim())) return false;
  if (/^\d+$/.test(value)) return PASSWORD_LABEL.test(key); // max_tokens=1024 is not a credential
  // Unquoted, a plain word after the label is prose ("Passwort: vergessen?", "token: expired").
  if (!quoted && /^[\p{L}]+[.!?]?$/u.test(value) && !/\p{Lu}.*\p{Lu}|\p{Ll}\p{Lu}/u.test(value)) return false;
  return true;
}

function findAssignments(text: string, out: PiiMatch[]): void {
  for (const m of text.matchAll(ASSIGNMENT)) {
    const group = m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : 4;
    // Unquoted, a value at the end of a sentence carries the sentence's full stop or comma.
    const value = group === 4 ? m[group]!.replace(/[.,:;]+$/, '') : m[group]!;
    if (!acceptAssignment(m[1]!, value, group !== 4)) continue;
    // The value is the last thing matched; a quoted one is followed by its closing quote.
    const end = m.index + m[0].length - (group === 4 ? m[group]!.length - value.length : 1);
    out.push({ kind: 'SECRET', start: end - value.length, end });
  }
}

export function findSecrets(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  if (text.includes(PEM_BEGIN)) findPemBlocks(text, out);
  for (const rule of SECRET_RULES) {
    if (!rule.anchors.some((anchor) => text.includes(anchor))) continue;
    for (const m of text.matchAll(rule.pattern)) {
      const value = rule.group === undefined ? m[0] : m[rule.group]!;
      if (rule.accept && !rule.accept(value)) continue;
      const start = rule.group === undefined ? m.index : m.index + m[0].lastIndexOf(value);
      out.push({ kind: 'SECRET', start, end: start + value.length });
    }
  }
  // Every assignment has its ':' or '=': prose without either has none to find.
  if (text.includes(':') || text.includes('=')) findAssignments(text, out);
  return out;
}
