import { findAddresses } from './address';
import { findCards } from './card';
import { findEmails } from './email';
import { findIbans } from './iban';
import { findIpAddresses } from './ip';
import { findPersons } from './person';
import { findPhones } from './phone';
import { findSecrets } from './secrets';
import { findSsns } from './ssn';
import { foldForDetection } from './text-safety';
import { PII_KINDS } from './types';
import type { PiiKind, PiiMatch } from './types';

const DETECTORS: Record<PiiKind, (text: string) => PiiMatch[]> = {
  SECRET: findSecrets,
  EMAIL: findEmails,
  IBAN: findIbans,
  CREDIT_CARD: findCards,
  SSN: findSsns,
  IP_ADDRESS: findIpAddresses,
  ADDRESS: findAddresses,
  PHONE: findPhones,
  PERSON: findPersons,
};

const RANK = new Map(PII_KINDS.map((kind, i) => [kind, i]));

/**
 * Every entity in `text`, non-overlapping, sorted by start. Where detectors disagree the more
 * specific kind wins (a key inside a URL beats the e-mail-like `user:key@host`; a checksummed IBAN
 * beats the phone-like digit groups inside it), then the longer match.
 */
export function detectPii(text: string): PiiMatch[] {
  const folded = foldForDetection(text);
  const all: PiiMatch[] = [];
  for (const kind of PII_KINDS) {
    // No spread: a 5 MB text can yield more matches than a call may take arguments.
    for (const m of DETECTORS[kind](folded)) all.push(m);
  }
  all.sort((a, b) => RANK.get(a.kind)! - RANK.get(b.kind)! || b.end - b.start - (a.end - a.start));
  // One byte per code unit marks what is taken; detectors' matches never overlap among themselves
  // much, so marking and checking stays linear in the text length.
  const taken = all.length > 1 ? new Uint8Array(text.length) : undefined;
  const kept: PiiMatch[] = [];
  for (const m of all) {
    if (taken) {
      let free = true;
      for (let i = m.start; i < m.end && free; i++) free = taken[i] === 0;
      if (!free) continue;
      taken.fill(1, m.start, m.end);
    }
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
