import { describe, expect, it } from 'vitest';
import { findAddresses } from './address';

const addresses = (text: string): string[] => findAddresses(text).map((m) => text.slice(m.start, m.end));

describe('postal addresses', () => {
  it.each([
    [
      'a US street, city, state and ZIP',
      'Ship to 1427 Maple Ridge Drive, Boulder, CO 80302 please.',
      '1427 Maple Ridge Drive, Boulder, CO 80302',
    ],
    [
      'a unit and a direction',
      'at 2200 N. Lamar Blvd. Apt 12B\nAustin, TX 78705',
      '2200 N. Lamar Blvd. Apt 12B\nAustin, TX 78705',
    ],
    [
      'a UK postcode and a flat before the number',
      'to Flat 3, 17 Elm Grove, Manchester M14 5TR now',
      'Flat 3, 17 Elm Grove, Manchester M14 5TR',
    ],
    ['a street alone, without its sentence full stop', 'I live at 9 Cherry Tree Lane.', '9 Cherry Tree Lane'],
    [
      'a German street with its postcode',
      'Lieferadresse: Kastanienallee 12a, 10435 Berlin',
      'Kastanienallee 12a, 10435 Berlin',
    ],
    [
      'a German type as its own word',
      'Wohnung: Mariahilfer Straße 45/3, 1060 Wien',
      'Mariahilfer Straße 45/3, 1060 Wien',
    ],
    ['an abbreviated German street', 'Paket an Kantstr. 7 schicken.', 'Kantstr. 7'],
    [
      'a street of no known type, vouched for by its postcode',
      'Adresse: Am Hang 7, 01109 Dresden.',
      'Am Hang 7, 01109 Dresden',
    ],
    ['a French street', 'Mon adresse : 14 rue des Lilas, 69003 Lyon', '14 rue des Lilas, 69003 Lyon'],
    ['a French Cedex', 'BP 4521\n13097 Marseille Cedex 2', 'BP 4521\n13097 Marseille Cedex 2'],
    ['an Italian street', 'Indirizzo: Via Garibaldi 21, 10122 Torino', 'Via Garibaldi 21, 10122 Torino'],
    [
      'a Dutch postcode',
      'Ons adres is Prinsengracht 263, 1016 GV Amsterdam.',
      'Prinsengracht 263, 1016 GV Amsterdam',
    ],
    ['a Portuguese postcode', 'Morada: Rua Augusta 112, 1100-053 Lisboa', 'Rua Augusta 112, 1100-053 Lisboa'],
    [
      'a post box',
      'Mail the check to P.O. Box 4471, Tulsa, OK 74159 soon.',
      'P.O. Box 4471, Tulsa, OK 74159',
    ],
    ['a German post box', 'Postfach 10 02 31\n70002 Stuttgart', 'Postfach 10 02 31\n70002 Stuttgart'],
    [
      'a Japanese postal mark',
      '〒100-0001 東京都千代田区千代田1-1\nTEL',
      '〒100-0001 東京都千代田区千代田1-1',
    ],
  ])('finds %s', (_why, text, expected) => {
    expect(addresses(text)).toEqual([expected]);
  });

  it.each([
    'Route 66 and Highway 101 are famous roads; Interstate 5 runs north.',
    'Apollo 11 landed in 1969, Windows 11 shipped in 2021 and Studio 54 closed in 1980.',
    'Version 4 Lane detection works on 3 Road types and 2 Park modes.',
    'Chapter 7 Street Photography covers 35 Avenue shots and 12 Court rulings.',
    'Service 12 Avenue API degraded; Version 2, 10000 Users online.',
    'In 2019 Central Park hosted the concert.',
    'Zimmer 12, Gebäude 3, Etage 2 – Treffpunkt ist der Eingang Nord.',
    'Spring 6 and String 2 shipped; auf Platz 1 der Charts.',
    'BP 120/80 is a normal blood pressure.',
  ])('leaves alone %j', (text) => {
    expect(addresses(text)).toEqual([]);
  });
});
