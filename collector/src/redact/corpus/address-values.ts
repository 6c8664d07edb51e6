import type { Rng } from './rng';

// Postal addresses in the formats of the countries the detector claims, with the variations people
// type: abbreviations, units, with and without the postcode line, one line or two.
const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const house = (r: Rng): string => `${r.int(1, 999)}${r.next() < 0.15 ? r.pick(['a', 'b', 'A', 'B']) : ''}`;

const US_STREETS = [
  'Oak',
  'Maple Hollow',
  'Jefferson',
  'Sunset',
  'Willow Creek',
  'Martin Luther King Jr.',
  '3rd',
  'Pine',
];
const US_TYPES = [
  'Street',
  'St',
  'Avenue',
  'Ave.',
  'Road',
  'Rd',
  'Boulevard',
  'Blvd',
  'Drive',
  'Dr.',
  'Lane',
  'Court',
  'Way',
  'Parkway',
];
const US_CITIES: readonly [string, string][] = [
  ['Portland', 'OR'],
  ['Springfield', 'IL'],
  ['San Antonio', 'TX'],
  ['Ann Arbor', 'MI'],
  ['Raleigh', 'NC'],
  ['Salt Lake City', 'UT'],
];

export function streetUS(r: Rng): string {
  const unit =
    r.next() < 0.25
      ? `${r.pick([', Apt ', ' Apt. ', ', Suite ', ' #'])}${r.int(1, 40)}${r.pick(['', 'B'])}`
      : '';
  const dir = r.next() < 0.15 ? `${r.pick(['N.', 'S.', 'E', 'W'])} ` : '';
  return `${r.int(10, 9999)} ${dir}${r.pick(US_STREETS)} ${r.pick(US_TYPES)}${unit}`;
}

export function addressUS(r: Rng): string {
  const [city, state] = r.pick(US_CITIES);
  const zip = `${r.int(10, 99)}${r.digits(3)}${r.next() < 0.2 ? `-${r.digits(4)}` : ''}`;
  return `${streetUS(r)}${r.pick([', ', '\n'])}${city}, ${state} ${zip}`;
}

const UK_STREETS = ['Kingsway', 'Church', 'Victoria', 'Mill', 'St Albans', 'Queen Anne', 'Holloway'];
const UK_TYPES = ['Road', 'Street', 'Lane', 'Close', 'Grove', 'Crescent', 'Terrace', 'Gardens', 'Mews'];
const UK_CITIES: readonly [string, string][] = [
  ['London', 'SE1 7PB'],
  ['Leeds', 'LS6 2AB'],
  ['Glasgow', 'G12 8QQ'],
  ['Cardiff', 'CF10 3AT'],
  ['Norwich', 'NR2 4SF'],
  ['Bath', 'BA1 2QH'],
];

export function addressUK(r: Rng): string {
  const [city, postcode] = r.pick(UK_CITIES);
  const flat = r.next() < 0.2 ? `Flat ${r.int(1, 12)}, ` : '';
  const street = `${flat}${r.int(1, 240)} ${r.pick(UK_STREETS)} ${r.pick(UK_TYPES)}`;
  return r.next() < 0.2 ? street : `${street}, ${city} ${postcode}`;
}

const DE_NAMES = ['Linden', 'Goethe', 'Bahnhof', 'Kirch', 'Schiller', 'Eichen', 'Rosen', 'Friedrich-Ebert-'];
const DE_TYPES = ['straße', 'str.', 'weg', 'allee', 'gasse', 'platz', 'strasse'];
const DE_CITIES = ['Berlin', 'Hamburg', 'Köln', 'Frankfurt am Main', 'Leipzig', 'Freiburg im Breisgau'];

export function addressDE(r: Rng): string {
  const name = r.pick(DE_NAMES);
  const type = r.pick(DE_TYPES);
  // "Friedrich-Ebert-Straße": after a hyphen the type is capitalised.
  const joined = name.endsWith('-') ? `${name}${type[0]!.toUpperCase()}${type.slice(1)}` : `${name}${type}`;
  const street =
    r.next() < 0.2
      ? `${r.pick(['Berliner', 'Hamburger', 'Alte'])} ${r.pick(['Straße', 'Str.', 'Allee'])}`
      : joined;
  const line = `${street} ${house(r)}`;
  return r.next() < 0.2
    ? line
    : `${line}${r.pick([', ', '\n'])}${pad(r.int(1067, 99998), 5)} ${r.pick(DE_CITIES)}`;
}

const FR_TYPES = ['rue', 'avenue', 'boulevard', 'place', 'impasse', 'allée', 'chemin', 'quai'];
const FR_NAMES = [
  'de la République',
  'Victor Hugo',
  'des Acacias',
  'du Général Leclerc',
  'Pasteur',
  "de l'Église",
  'Saint-Exupéry',
];
const FR_CITIES = ['Paris', 'Marseille', 'Bordeaux', 'Lille', 'Strasbourg', 'Aix-en-Provence'];

export function addressFR(r: Rng): string {
  const num = `${r.int(1, 180)}${r.next() < 0.15 ? r.pick([' bis', ' ter']) : ''}${r.pick([' ', ', '])}`;
  const line = `${num}${r.pick(FR_TYPES)} ${r.pick(FR_NAMES)}`;
  return r.next() < 0.2
    ? line
    : `${line}${r.pick([', ', '\n'])}${pad(r.int(1000, 95999), 5)} ${r.pick(FR_CITIES)}`;
}

/** Spain, Italy, the Netherlands and Portugal: the type first or last, the number after the name. */
export function addressSouthWest(r: Rng, lang: string): string {
  const n = r.int(1, 250);
  if (lang === 'es')
    return `${r.pick(['Calle', 'Avenida', 'Paseo', 'Plaza'])} ${r.pick(['Mayor', 'de Goya', 'del Prado', 'Serrano'])} ${n}, ${pad(r.int(1001, 52999), 5)} ${r.pick(['Madrid', 'Sevilla', 'Valencia'])}`;
  if (lang === 'it')
    return `${r.pick(['Via', 'Viale', 'Corso', 'Piazza'])} ${r.pick(['Roma', 'Giuseppe Verdi', 'della Libertà', 'Dante'])} ${n}, ${pad(r.int(10, 98168), 5)} ${r.pick(['Milano', 'Bologna', 'Napoli'])}`;
  if (lang === 'nl')
    return `${r.pick(['Kerk', 'Molen', 'Heren', 'Beuk'])}${r.pick(['straat', 'laan', 'gracht', 'weg'])} ${n}, ${r.int(1000, 9999)} ${r.pick(['AB', 'KL', 'TZ'])} ${r.pick(['Utrecht', 'Den Haag', 'Rotterdam'])}`;
  return `${r.pick(['Rua', 'Avenida', 'Travessa'])} ${r.pick(['da Prata', 'Augusta', 'do Carmo', 'de Santa Catarina'])} ${n}, ${r.int(1000, 9999)}-${r.digits(3)} ${r.pick(['Lisboa', 'Porto', 'Coimbra'])}`;
}

export function poBox(r: Rng): string {
  return r.pick([
    () =>
      `P.O. Box ${r.int(1, 9999)}, ${r.pick(US_CITIES)[0]}, ${r.pick(US_CITIES)[1]} ${r.int(10, 99)}${r.digits(3)}`,
    () => `PO Box ${r.int(1, 999)}`,
    () =>
      `Postfach ${r.int(10, 99)} ${r.digits(2)} ${r.digits(2)}, ${r.int(10, 99)}${r.digits(3)} ${r.pick(DE_CITIES)}`,
    () => `BP ${r.int(10, 9999)}, ${pad(r.int(1000, 95999), 5)} ${r.pick(FR_CITIES)} Cedex`,
  ])();
}
