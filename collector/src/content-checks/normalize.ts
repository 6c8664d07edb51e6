// Zero-width and bidi control characters are invisible, so they are a cheap way to split a word a
// pattern would otherwise see ("ig\u200Bnore previous instructions").
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// Only the Latin combining accents: stripping all marks would turn Japanese パ into ハ.
const COMBINING = /[\u0300-\u036f]+/g;

// Only whitespace that is not already a single space is rewritten: replacing every space with
// itself is most of the cost of a plain /\s+/g on prose.
const OTHER_WHITESPACE = /[^\S ]\s*| \s+/g;

// Unicode normalization is the costliest step and a no-op on ASCII, which most traffic is.
const NON_ASCII = /[\u0080-\uffff]/;

/** NFKC, invisible characters removed, lower case, runs of whitespace as one space. */
export function normalizeText(text: string): string {
  const nfkc = NON_ASCII.test(text) ? text.normalize('NFKC').replace(INVISIBLE, '') : text;
  return nfkc.toLowerCase().replace(OTHER_WHITESPACE, ' ').trim();
}

/** `normalizeText` without diacritics, so patterns need not spell every accent ("mátate", "matate"). */
export function foldText(text: string): string {
  const normalized = normalizeText(text);
  return NON_ASCII.test(normalized)
    ? normalized.normalize('NFKD').replace(COMBINING, '').normalize('NFC')
    : normalized;
}

/** Typed redaction placeholders say nothing about language, topic or wording. */
export function stripPlaceholders(text: string): string {
  return text.replace(/<(?:EMAIL|PHONE|CREDIT_CARD|IBAN|SSN|IP_ADDRESS|SECRET)>/g, ' ');
}
