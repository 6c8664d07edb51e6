export type PiiKind =
  'EMAIL' | 'PHONE' | 'CREDIT_CARD' | 'IBAN' | 'SSN' | 'IP_ADDRESS' | 'SECRET' | 'ADDRESS' | 'PERSON';

/**
 * Every kind, in the order overlapping matches are preferred (first wins). Kinds confirmed by a
 * checksum or a fixed shape come first; an address outranks a phone-like run inside its postcode,
 * and a person's name, the least certain, yields to everything (a street named after someone is an
 * address).
 */
export const PII_KINDS: readonly PiiKind[] = [
  'SECRET',
  'EMAIL',
  'IBAN',
  'CREDIT_CARD',
  'SSN',
  'IP_ADDRESS',
  'ADDRESS',
  'PHONE',
  'PERSON',
];

export interface Redaction {
  text: string;
  /** Sorted, unique. */
  kinds: PiiKind[];
}

/** A detected entity as a half-open UTF-16 range [start, end) of the scanned text. */
export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
}
