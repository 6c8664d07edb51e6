import { getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import type { PiiMatch } from './types';

// Country code, check digits, then alphanumerics in any grouping. The candidate may run on into the
// next word ("… 0130 00 AND"); the country's registered IBAN length says where it really ends.
const IBAN_CANDIDATE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,32}/g;

const SPECS = getCountrySpecifications();

/** Text ending like the start of an IBAN ("ES49 "): digit groups after it belong to the IBAN. */
export const IBAN_LEAD = /\b[A-Z]{2}\d{2} ?$/;

function ibanLength(country: string): number {
  const spec = SPECS[country];
  return spec?.chars && spec.bban_regexp ? spec.chars : 0;
}

const isAlnum = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

function validPrefix(text: string, index: number, value: string): number {
  const want = ibanLength(value.slice(0, 2));
  if (want === 0) return 0;
  let chars = 0;
  let end = 0;
  while (end < value.length && chars < want) {
    if (value.charCodeAt(end) !== 32) chars++;
    end++;
  }
  // Too short, or a longer unbroken token that merely starts like an IBAN.
  if (chars < want || isAlnum(text.charCodeAt(index + end))) return 0;
  return isIban(value.slice(0, end).replace(/ /g, '')) ? end : 0;
}

/**
 * Presidio's rule: the country's registered length and format, and the ISO 13616 mod-97 check. The
 * national check digits some countries add inside the account number (FR, ES, BE, PT, PL, NO, …) are
 * not required: a typo there still leaves a real person's account number, which must not be stored.
 */
function isIban(electronic: string): boolean {
  const { errorCodes } = validateIBAN(electronic);
  return errorCodes.every((code) => code === ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
}

export function findIbans(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  const re = new RegExp(IBAN_CANDIDATE);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = validPrefix(text, m.index, m[0]);
    // Resume right after a found IBAN (the candidate may hold the next one); after a miss, at the
    // next character, which costs at most the bounded candidate length again.
    re.lastIndex = m.index + Math.max(end, 1);
    if (end > 0) out.push({ kind: 'IBAN', start: m.index, end: m.index + end });
  }
  return out;
}
