import { describe, expect, it } from 'vitest';
import { isPaymentCardNumber, isValidSsn, luhnValid } from './checksums';

describe('luhnValid', () => {
  it('accepts numbers whose Luhn sum is a multiple of ten and rejects a changed digit', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
  it('rejects empty and non-digit input', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111a11111111111')).toBe(false);
  });
});

describe('isPaymentCardNumber', () => {
  it('accepts test numbers of the major issuers', () => {
    for (const n of [
      '4111111111111111',
      '5555555555554444',
      '2223000048410010',
      '378282246310005',
      '6011111111111117',
      '3530111333300000',
      '30569309025904',
    ]) {
      expect(isPaymentCardNumber(n), n).toBe(true);
    }
  });
  it('rejects Luhn-valid numbers without an issuer prefix or with the wrong length for it', () => {
    expect(luhnValid('0000000000000000')).toBe(true);
    expect(isPaymentCardNumber('0000000000000000')).toBe(false);
    expect(isPaymentCardNumber('41111111111111')).toBe(false); // Visa is never 14 digits
  });
});

describe('isValidSsn', () => {
  it('applies the area, group and serial rules', () => {
    expect(isValidSsn('536', '22', '1879')).toBe(true);
    expect(isValidSsn('000', '22', '1879')).toBe(false);
    expect(isValidSsn('666', '22', '1879')).toBe(false);
    expect(isValidSsn('900', '22', '1879')).toBe(false);
    expect(isValidSsn('536', '00', '1879')).toBe(false);
    expect(isValidSsn('536', '22', '0000')).toBe(false);
  });
});
