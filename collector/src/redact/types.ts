export type PiiKind = 'EMAIL' | 'PHONE' | 'CREDIT_CARD' | 'IBAN' | 'SSN' | 'IP_ADDRESS' | 'SECRET';

/** Every kind, in the order overlapping matches are preferred (first wins). */
export const PII_KINDS: readonly PiiKind[] = [
  'SECRET',
  'EMAIL',
  'IBAN',
  'CREDIT_CARD',
  'SSN',
  'IP_ADDRESS',
  'PHONE',
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
