import { describe, expect, it } from 'vitest';
import { detectPii } from './detect';
import type { PiiKind } from './types';

const found = (text: string): [PiiKind, string][] =>
  detectPii(text).map((m) => [m.kind, text.slice(m.start, m.end)]);

describe('phone numbers', () => {
  it.each([
    ['+44 20 7946 0958'],
    ['(415) 555-2671'],
    ['+49 30 123456'],
    ['06 12 34 56 78'],
    ['+1 (212) 555-0175'],
    ['+81 90-1234-5678'],
    ['(11) 98765-4321'],
    ['0044 20 7946 0958'],
  ])('finds %s', (phone) => {
    expect(found(`call ${phone} today`)).toEqual([['PHONE', phone]]);
  });

  it('finds numbers in key=value logs', () => {
    expect(found('user=42 phone=+442079460958 ok')).toEqual([['PHONE', '+442079460958']]);
  });

  it('trims a neighbouring number that runs on', () => {
    expect(found('Call +1 (212) 555-0175 24/7')).toEqual([['PHONE', '+1 (212) 555-0175']]);
  });

  it('needs a label before an unformatted run of digits', () => {
    expect(found('id 4155552671')).toEqual([]);
    expect(found('Phone: 4155552671')).toEqual([['PHONE', '4155552671']]);
  });

  it('does not read dates, ZIP+4 codes, ISBN-10s or order ids as phones', () => {
    for (const text of [
      'on 2024-01-15 10:30',
      'ZIP 94103-1234',
      'ISBN 2-179-83308-8',
      'order 290-1130183-8067729',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe('cards', () => {
  it('finds grouped and ungrouped cards and keeps the expiry date out', () => {
    expect(found('5500 0000 0000 0004 12/27')).toEqual([['CREDIT_CARD', '5500 0000 0000 0004']]);
    expect(found('4111111111111111,6011111111111117')).toEqual([
      ['CREDIT_CARD', '4111111111111111'],
      ['CREDIT_CARD', '6011111111111117'],
    ]);
  });
  it('rejects mixed separators and odd groupings', () => {
    expect(found('4111 1111-1111 1111')).toEqual([]);
    expect(found('41 1111 1111 111111')).toEqual([]);
  });
});

describe('IBAN', () => {
  it('ends the IBAN at its registered length even when more text follows', () => {
    expect(found('GB82 WEST 1234 5698 7654 32 BIC NWBKGB2L')).toEqual([
      ['IBAN', 'GB82 WEST 1234 5698 7654 32'],
    ]);
  });
  it('finds two IBANs written next to each other', () => {
    expect(found('DE89 3704 0044 0532 0130 00 BE68 5390 0754 7034')).toEqual([
      ['IBAN', 'DE89 3704 0044 0532 0130 00'],
      ['IBAN', 'BE68 5390 0754 7034'],
    ]);
  });
  it('finds IBANs whose mod-97 check passes but whose national check digits do not (as Presidio does)', () => {
    for (const iban of [
      'FR98 8927 7022 7958 4965 0956 367',
      'ES8814077066082229419216',
      'BE32 3524 1096 5594',
    ]) {
      expect(found(`IBAN ${iban}.`), iban).toEqual([['IBAN', iban]]);
    }
  });
  it('rejects a wrong checksum and a wrong length', () => {
    expect(found('DE88 3704 0044 0532 0130 00')).toEqual([]);
    expect(found('DE89370400440532013000123')).toEqual([]);
  });
});

describe('IP addresses', () => {
  it('finds IPv4 and IPv6, including an IPv4-mapped address', () => {
    expect(found('from 203.0.113.7:8080 and [2001:db8::1] and ::ffff:192.0.2.128')).toEqual([
      ['IP_ADDRESS', '203.0.113.7'],
      ['IP_ADDRESS', '2001:db8::1'],
      ['IP_ADDRESS', '::ffff:192.0.2.128'],
    ]);
  });
  it('rejects out-of-range octets, OIDs and times', () => {
    expect(found('999.1.1.1 10.0.0.256 1.3.6.1.4.1 12:30:45')).toEqual([]);
  });
});

describe('secrets', () => {
  it.each([
    ['sk-proj-abc123DEF456ghi789JKL012mno345'],
    ['AKIAIOSFODNN7EXAMPLE'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['xoxb-1234567890-abcdefghij'],
    ['AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI'],
    ['sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9P'],
  ])('finds the provider key %s', (key) => {
    expect(found(`key=${key}`)).toEqual([['SECRET', key]]);
  });

  it('redacts only the token of a Bearer header and the value of an assignment', () => {
    expect(found('Authorization: Bearer abcdef1234567890ghijkl')).toEqual([
      ['SECRET', 'abcdef1234567890ghijkl'],
    ]);
    expect(found('{"password": "hunter2"}')).toEqual([['SECRET', 'hunter2']]);
    expect(found('DB_PASSWORD=s3cr3t!')).toEqual([['SECRET', 's3cr3t!']]);
    expect(found('Mot de passe : Soleil2024!')).toEqual([['SECRET', 'Soleil2024!']]);
  });

  it('takes a whole PEM block, and a truncated one up to where its body ends', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\nabc==\n-----END RSA PRIVATE KEY-----';
    expect(found(`key:\n${pem}\nbye`)).toEqual([['SECRET', pem]]);
    expect(found('-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n[cut]')).toEqual([
      ['SECRET', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg'],
    ]);
  });

  it('ignores placeholders, references and slugs', () => {
    for (const text of [
      'password=${DB_PASSWORD}',
      'api_key: process.env.OPENAI_API_KEY',
      '"password": "<REDACTED>"',
      'sk-learn-tutorial-for-beginners-and-experts',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });
});

describe('e-mail', () => {
  it('accepts internationalised addresses and rejects file and package names', () => {
    expect(found('jürgen@müller.de')).toEqual([['EMAIL', 'jürgen@müller.de']]);
    expect(found('icon@2x.png lodash@4.17.21 user@localhost')).toEqual([]);
  });
});
