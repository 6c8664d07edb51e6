/** Luhn mod-10 over a string of ASCII digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

// About one random digit string in ten passes Luhn, so order numbers and ids of card length would be
// redacted often. Requiring a real issuer prefix and the length that issuer uses cuts that to a few
// in a thousand without missing any card a payment form would accept.
const ISSUERS: readonly { prefix: RegExp; lengths: readonly number[] }[] = [
  { prefix: /^4/, lengths: [13, 16, 19] }, // Visa
  { prefix: /^(5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, lengths: [16] }, // Mastercard
  { prefix: /^3[47]/, lengths: [15] }, // American Express
  { prefix: /^(6011|64[4-9]|65)/, lengths: [16, 17, 18, 19] }, // Discover
  { prefix: /^35(2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] }, // JCB
  { prefix: /^3(0[0-5]|[689])/, lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { prefix: /^62/, lengths: [16, 17, 18, 19] }, // UnionPay
  { prefix: /^(5[06-9]|6\d)/, lengths: [12, 13, 14, 15, 16, 17, 18, 19] }, // Maestro
];

export function isPaymentCardNumber(digits: string): boolean {
  if (digits.length < 12 || digits.length > 19) return false;
  const issued = ISSUERS.some((i) => i.prefix.test(digits) && i.lengths.includes(digits.length));
  return issued && luhnValid(digits);
}

/**
 * US Social Security Number issuance rules: area 001–899 except 666, group 01–99, serial 0001–9999.
 * (Randomised issuance since 2011 lifted the old area-by-state ranges, so no finer check is sound.)
 */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a > 0 && a < 900 && a !== 666 && Number(group) > 0 && Number(serial) > 0;
}
