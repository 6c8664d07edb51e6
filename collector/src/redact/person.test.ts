import { describe, expect, it } from 'vitest';
import { findPersons } from './person';

const names = (text: string): string[] => findPersons(text).map((m) => text.slice(m.start, m.end));

describe('person names', () => {
  it.each([
    ['a title, without the title', 'Please call Dr. Okonkwo tomorrow.', ['Okonkwo']],
    [
      'the last of several titles',
      'Herr Dr. Konstantin Weißgerber ist im Urlaub.',
      ['Konstantin Weißgerber'],
    ],
    ['a particle that opens a surname', 'Madame de La Rochefoucauld a appelé.', ['de La Rochefoucauld']],
    ['an introduction, whatever the name', 'My name is Zebulon Quarrington.', ['Zebulon Quarrington']],
    ['a German introduction', 'Ich heiße Mareike und wohne in Köln.', ['Mareike']],
    ['a field name', '{"customer_name": "Zebulon Quarrington"}', ['Zebulon Quarrington']],
    ['a known given name and a surname', 'Ask Priya Raman about it.', ['Priya Raman']],
    ['a middle initial', 'Reviewed by Priya K. Raman today.', ['Priya K. Raman']],
    ['particles inside', 'Met vriendelijke groet van Sanne de Vries uit Utrecht.', ['Sanne de Vries']],
    [
      'hyphens and apostrophes',
      "Mrs. Eleanor Whitaker-Hughes and Marcus O'Neill came.",
      ['Eleanor Whitaker-Hughes', "Marcus O'Neill"],
    ],
    ['a greeting addressing a known name', 'Hi Grace, thanks for the update.', ['Grace']],
    ['a greeting and a comma', 'Thanks, Anna! See you Monday.', ['Anna']],
    ['a role before a known name', 'I spoke with your agent Kevin yesterday.', ['Kevin']],
    ['a weak introduction with a known name', "Hi, I'm Olivia and I need help.", ['Olivia']],
    [
      'a signature after a closing line',
      'Thanks again.\n\nBest regards,\nZebulon Quarrington',
      ['Zebulon Quarrington'],
    ],
    ['a known name signing the last line', 'Please rotate the key today.\n\nRavi', ['Ravi']],
    ['an e-mail display name', 'From: Zebulon Quarrington <zq@example.com>', ['Zebulon Quarrington']],
  ])('finds names after %s', (_why, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('finds names in a CSV column whose header names people', () => {
    expect(names('first_name,last_name,city\nOliver,Brennan,Dublin\nNoor,Haddad,Amman')).toEqual([
      'Oliver',
      'Brennan',
      'Noor',
      'Haddad',
    ]);
    expect(names('sku,qty,price\nWidget,3,12.50')).toEqual([]);
  });

  it.each([
    'Apple released the M3 chip in October; May sales were strong.',
    'Claude and Gemini both answered, but Llama refused.',
    'Hi Claude, can you summarise this thread?',
    'Set the Grace Period to 30 days and enable Auto Renew.',
    'Victoria Station, Jordan River and Florence Cathedral are on the tour.',
    'Will you help me? Mark the box and Grant access.',
    'Hello World! Hello Kitty and Hello Fresh are brands.',
    'Dear Customer,\n\nYour order has shipped.\n\nBest regards,\nThe Acme Team',
    "I'm Happy to help. This is Important.",
    'class PersonName extends Base {}; let JohnSmith = null; user.Anna = 1;',
    'APPLE, MAY and JUNE are ticker symbols.',
    'Anna',
  ])('leaves alone %j', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('reads at most a bounded window around each name on a text without line breaks', () => {
    // Looking for the line around every name by scanning to the text's ends would be quadratic.
    const text = 'Hello Priya Raman and Dr. Okonkwo, '.repeat(120_000);
    const start = performance.now();
    expect(findPersons(text).length).toBe(240_000);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
