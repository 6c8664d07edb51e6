import { luhnValid } from '../checksums';
import { cardDigits, groupCard, ibanElectronic } from './pii-values';
import type { Rng } from './rng';
import { HEX } from './rng';

// Strings that look like PII to a naive pattern but are not; the corpus expects none of them found.
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export const DECOYS: Record<string, (r: Rng) => string> = {
  date: (r) => {
    const [y, m, d] = [r.int(1990, 2030), r.int(1, 12), r.int(1, 28)];
    return r.pick([
      `${y}-${pad(m)}-${pad(d)}`,
      `${pad(d)}.${pad(m)}.${y}`,
      `${pad(m)}/${pad(d)}/${y}`,
      `${y}/${pad(m)}/${pad(d)}`,
    ]);
  },
  datetime: (r) =>
    `${r.int(2019, 2026)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))} ${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}`,
  isoTimestamp: (r) =>
    `${r.int(2019, 2026)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}T${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}.${r.digits(3)}Z`,
  unixSeconds: (r) => String(r.int(1_500_000_000, 1_800_000_000)),
  unixMillis: (r) => `${r.int(1_500_000_000, 1_800_000_000)}${r.digits(3)}`,
  time: (r) => `${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}`,
  version: (r) =>
    r.pick([
      `v${r.int(0, 9)}.${r.int(0, 30)}.${r.int(0, 99)}`,
      `${r.int(1, 20)}.${r.int(0, 9)}.${r.int(0, 40)}`,
      `${r.int(1, 5)}.${r.int(0, 9)}.${r.int(0, 9)}-beta.${r.int(1, 9)}`,
    ]),
  uuid: (r) =>
    `${r.chars(8, HEX)}-${r.chars(4, HEX)}-4${r.chars(3, HEX)}-${r.pick(['8', '9', 'a', 'b'])}${r.chars(3, HEX)}-${r.chars(12, HEX)}`,
  sha: (r) => r.chars(r.pick([7, 40, 64]), HEX),
  isbn: (r) =>
    r.pick([
      `978-${r.int(0, 9)}-${r.digits(2)}-${r.digits(6)}-${r.int(0, 9)}`,
      `979-${r.int(10, 12)}-${r.digits(3)}-${r.digits(4)}-${r.int(0, 9)}`,
      `ISBN ${r.int(0, 9)}-${r.digits(3)}-${r.digits(5)}-${r.int(0, 9)}`,
    ]),
  order: (r) =>
    r.pick([
      `#${r.digits(9, true)}`,
      `ORD-${r.int(2019, 2026)}-${r.digits(6)}`,
      `${r.digits(3, true)}-${r.digits(7)}-${r.digits(7)}`,
      `A${r.digits(10)}`,
      `INV-${r.digits(8)}`,
    ]),
  nonLuhnCard: (r) => {
    const d = cardDigits(r);
    const broken = d.slice(0, -1) + String((Number(d.at(-1)) + r.int(1, 9)) % 10);
    return luhnValid(broken)
      ? `${broken.slice(0, -1)}${(Number(broken.at(-1)) + 5) % 10}`
      : groupCard(broken, r.pick([' ', '-', '']));
  },
  random16: (r) => r.digits(16, true).replace(/^(\d)/, '9'),
  badIban: (r) => {
    const e = ibanElectronic(r);
    const check = Number(e.slice(2, 4));
    const bad = `${e.slice(0, 2)}${pad((check + r.int(1, 50)) % 97 || 2)}${e.slice(4)}`;
    return r.next() < 0.5 ? bad.replace(/(.{4})(?=.)/g, '$1 ') : bad;
  },
  badSsn: (r) =>
    r.pick([
      `000-${pad(r.int(1, 99))}-${r.digits(4, true)}`,
      `666-${pad(r.int(1, 99))}-${r.digits(4, true)}`,
      `9${r.digits(2)}-${pad(r.int(1, 99))}-${r.digits(4, true)}`,
      `${r.int(100, 899)}-00-${r.digits(4, true)}`,
      `${r.int(100, 899)}-${pad(r.int(1, 99))}-0000`,
    ]),
  price: (r) =>
    r.pick([
      `$${r.int(1, 99)},${r.digits(3)}.${r.digits(2)}`,
      `€ ${r.int(1, 99)}.${r.digits(3)},${r.digits(2)}`,
      `${r.int(100, 9999)}.${r.digits(2)} EUR`,
      `¥${r.int(1, 999)},${r.digits(3)}`,
    ]),
  bigNumber: (r) =>
    r.pick([
      `${r.int(1, 999)},${r.digits(3)},${r.digits(3)}`,
      `${r.int(1, 9)} ${r.digits(3)} ${r.digits(3)}`,
      `${r.int(1, 9)}.${r.digits(3)}.${r.digits(3)}`,
    ]),
  coords: (r) => `${r.int(-89, 89)}.${r.digits(4)}, ${r.int(-179, 179)}.${r.digits(4)}`,
  mac: (r) => Array.from({ length: 6 }, () => r.chars(2, '0123456789ABCDEF')).join(':'),
  hostPort: (r) => r.pick([`localhost:${r.int(1024, 65535)}`, `api.internal:${r.int(80, 9999)}`]),
  semverRange: (r) => `^${r.int(0, 9)}.${r.int(0, 20)}.${r.int(0, 9)}`,
  zip: (r) =>
    r.pick([
      `${r.digits(5, true)}`,
      `${r.digits(5, true)}-${r.digits(4)}`,
      `${r.int(10, 99)}-${r.digits(3)}`,
    ]),
  tracking: (r) =>
    r.pick([
      `1Z${r.chars(6, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')}${r.digits(10)}`,
      `${r.digits(12, true)}`,
      `JD${r.digits(18)}`,
    ]),
  hexError: (r) => `0x${r.chars(8, '0123456789ABCDEF')}`,
  slug: (r) =>
    `sk-${r.pick(['learn', 'image', 'tutorial'])}-${r.pick(['guide', 'for-beginners-and-experts', 'classification-example'])}`,
};

export type DecoyName = keyof typeof DECOYS;
