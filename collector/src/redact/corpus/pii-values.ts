import { composeIBAN, friendlyFormatIBAN, isValidIBAN } from 'ibantools';
import { luhnValid } from '../checksums';
import type { Rng } from './rng';
import { HEX, UPPER_ALNUM } from './rng';

const FIRST = [
  'john',
  'anna',
  'maria',
  'jürgen',
  'francois',
  'jose',
  'joao',
  'yuki',
  'wei',
  'li',
  'sarah',
  'ahmed',
  'olga',
  'pierre',
  'lucia',
  'tom',
];
const LAST = [
  'smith',
  'mueller',
  'dupont',
  'garcia',
  'silva',
  'tanaka',
  'wang',
  'rossi',
  'jansen',
  'kowalski',
  'obrien',
  'nguyen',
];
const DOMAINS = [
  'example.com',
  'mail.de',
  'orange.fr',
  'gmail.com',
  'empresa.es',
  'uol.com.br',
  'company.co.jp',
  'qq.com',
  'acme-corp.io',
  'mail.example.org',
  'web.de',
  'outlook.com',
  'uni-heidelberg.de',
  'sapo.pt',
];

export function email(r: Rng): string {
  const f = r.pick(FIRST).replace('ü', 'u');
  const l = r.pick(LAST);
  const local = r.pick([
    `${f}.${l}`,
    `${f[0]}${l}`,
    `${f}_${l}`,
    `${f}.${l}${r.int(1, 99)}`,
    `${f}+${r.pick(['news', 'shop', 'test'])}`,
    `${l}.${f}`,
    `${f.toUpperCase()}.${l.toUpperCase()}`,
    `${f}-${l}`,
  ]);
  return `${local}@${r.pick(DOMAINS)}`;
}

const US_AREAS = [
  '212',
  '415',
  '617',
  '312',
  '206',
  '512',
  '303',
  '646',
  '718',
  '202',
  '305',
  '404',
  '713',
  '818',
];
// Each shape: a template where N is a random digit 2–9 and X a random digit 0–9.
const PHONE_SHAPES: readonly string[] = [
  '(A) NXX-XXXX',
  'A-NXX-XXXX',
  'A.NXX.XXXX',
  '+1 A NXX XXXX',
  '+1-A-NXX-XXXX',
  '+1 (A) NXX-XXXX',
  '+44 20 7946 0XXX',
  '020 7946 0XXX',
  '+44 7700 900XXX',
  '07700 900XXX',
  '+44 161 496 0XXX',
  '+49 30 NXXXXXX',
  '030 NXXXXXXX',
  '+49 151 NXXXXXXX',
  '0171 NXXXXXX',
  '+49 (0)89 NXXXXXX',
  '+49 30 123456',
  '06 NX XX XX XX',
  '07 5X XX XX XX',
  '+33 6 NX XX XX XX',
  '01 NX XX XX XX',
  '+33 (0)1 NX XX XX XX',
  '06.NX.XX.XX.XX',
  '+34 6NX XXX XXX',
  '6NX XX XX XX',
  '91N XXX XXX',
  '+34 91 NXX XX XX',
  '+351 91N XXX XXX',
  '+351 21N XXX XXX',
  '93N XXX XXX',
  '(11) 9NXXX-XXXX',
  '+55 11 9NXXX-XXXX',
  '+55 (21) 9NXXX-XXXX',
  '(21) 3NXX-XXXX',
  '03-NXXX-XXXX',
  '090-NXXX-XXXX',
  '+81 90-NXXX-XXXX',
  '+81 3-NXXX-XXXX',
  '138 NXXX XXXX',
  '+86 139 NXXX XXXX',
  '+86 10 NXXX XXXX',
  '010-NXXXXXXX',
  '+39 06 NXXX XXXX',
  '+39 3N2 XXX XXXX',
  '02 NXXX XXXX',
  '+31 20 NXX XXXX',
  '06 1NXXXXXX',
  '+31 6 2NXXXXXX',
];

export function phone(r: Rng, shape = r.pick(PHONE_SHAPES)): string {
  let out = '';
  for (const ch of shape) {
    if (ch === 'A') out += r.pick(US_AREAS);
    else if (ch === 'N') out += String(r.int(2, 9));
    else if (ch === 'X') out += String(r.int(0, 9));
    else out += ch;
  }
  return out;
}

function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

export function cardDigits(r: Rng): string {
  const kind = r.pick(['visa', 'visa', 'mc', 'mc2', 'amex', 'discover', 'jcb', 'diners']);
  const [prefix, len] = {
    visa: ['4', 16],
    mc: [`5${r.int(1, 5)}`, 16],
    mc2: [`22${r.int(21, 99)}`, 16],
    amex: [r.pick(['34', '37']), 15],
    discover: ['6011', 16],
    jcb: [`35${r.int(28, 89)}`, 16],
    diners: [r.pick(['36', '38']), 14],
  }[kind] as [string, number];
  return withLuhn(prefix + r.digits(len - 1 - prefix.length));
}

export function groupCard(digits: string, sep: string): string {
  if (digits.length === 15) return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(sep);
  if (digits.length === 14) return [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].join(sep);
  return digits.match(/.{1,4}/g)!.join(sep);
}

export function card(r: Rng): string {
  return groupCard(cardDigits(r), r.pick([' ', ' ', '-', '']));
}

const BBAN: Record<string, string> = {
  DE: 'n18',
  FR: 'n10c11n2',
  ES: 'n20',
  GB: 'A4n14',
  NL: 'A4n10',
  IT: 'A1n10c12',
  PT: 'n21',
  CH: 'n5c12',
  BE: 'n12',
  AT: 'n16',
  PL: 'n24',
  SE: 'n20',
  IE: 'A4n14',
};

function bban(r: Rng, spec: string): string {
  let out = '';
  for (const [, t, n] of spec.matchAll(/([nAc])(\d+)/g)) {
    const alphabet = t === 'n' ? '0123456789' : t === 'A' ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' : UPPER_ALNUM;
    out += r.chars(Number(n), alphabet);
  }
  return out;
}

export function ibanElectronic(r: Rng): string {
  const country = r.pick(Object.keys(BBAN));
  for (;;) {
    const iban = composeIBAN({ countryCode: country, bban: bban(r, BBAN[country]!) });
    if (iban && isValidIBAN(iban)) return iban;
  }
}

export function iban(r: Rng): string {
  const e = ibanElectronic(r);
  return r.next() < 0.6 ? friendlyFormatIBAN(e)! : e;
}

export function ssn(r: Rng): string {
  let area = r.int(1, 899);
  if (area === 666) area = 667;
  const sep = r.next() < 0.85 ? '-' : ' ';
  return `${String(area).padStart(3, '0')}${sep}${String(r.int(1, 99)).padStart(2, '0')}${sep}${String(r.int(1, 9999)).padStart(4, '0')}`;
}

export function ipv4(r: Rng): string {
  const shape = r.int(0, 3);
  if (shape === 0) return `10.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  if (shape === 1) return `192.168.${r.int(0, 255)}.${r.int(1, 254)}`;
  return `${r.int(11, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

export function ipv6(r: Rng): string {
  const g = (): string => r.chars(r.int(1, 4), HEX).replace(/^0+(?=.)/, '');
  if (r.next() < 0.5) return `2001:db8:${g()}:${g()}::${g()}`;
  if (r.next() < 0.5) return `fe80::${g()}:${g()}:${g()}:${g()}`;
  return Array.from({ length: 8 }, g).join(':');
}
