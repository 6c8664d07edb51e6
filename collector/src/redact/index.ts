export { redactText } from './redact';
export { detectPii } from './detect';
export { luhnValid, isPaymentCardNumber, isValidSsn } from './checksums';
export { PII_KINDS } from './types';
export type { PiiKind, PiiMatch, Redaction } from './types';
