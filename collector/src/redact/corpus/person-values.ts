import type { Rng } from './rng';

// Names as people in the claimed countries carry them: common and rare ones, accents, hyphens,
// particles, apostrophes. Written here by hand, not drawn from the detector's lists, so the generated
// corpus also holds names those lists do not know.
const GIVEN: Record<string, readonly string[]> = {
  en: ['Emily', 'James', 'Olivia', 'Noah', 'Harriet', 'Declan', 'Imogen', 'Tobias', 'Aaliyah', 'Ravi'],
  de: ['Jürgen', 'Anneliese', 'Maximilian', 'Sabine', 'Lennart', 'Friederike', 'Jörg', 'Hannelore'],
  fr: ['Amélie', 'François', 'Océane', 'Thibault', 'Maëlle', 'Benoît', 'Clémence', 'Gaëtan'],
  es: ['Lucía', 'Javier', 'Ainhoa', 'Álvaro', 'Inmaculada', 'Íñigo'],
  it: ['Giulia', 'Lorenzo', 'Chiara', 'Gianluca', 'Federica'],
  nl: ['Sanne', 'Joris', 'Femke', 'Thijs'],
  pt: ['João', 'Inês', 'Gonçalo', 'Conceição'],
};
const SURNAME: Record<string, readonly string[]> = {
  en: [
    'Thompson',
    'Gallagher',
    'Okafor',
    'Whitfield',
    'Ashworth-Bell',
    "O'Sullivan",
    'McAllister',
    'Pemberton',
  ],
  de: ['Müller', 'Schäfer', 'Weißenborn', 'Hoffmann-Krüger', 'von Bredow', 'Oberhäuser', 'Kowalczyk'],
  fr: ['Dubois', 'Lefèvre', 'Fontaine', 'de La Rochefoucauld', 'Mercier-Durand', 'Chevalier'],
  es: ['García', 'Fernández', 'Iglesias Ruiz', 'de la Fuente', 'Etxeberria'],
  it: ['Rossi', 'Esposito', 'Ferraresi', 'Bianchi', 'De Luca'],
  nl: ['de Vries', 'van den Berg', 'Bakker', 'Visser'],
  pt: ['Silva', 'Gonçalves', 'Ferreira', 'dos Santos'],
};
const LANGS = Object.keys(GIVEN);

/** The language whose names a slot draws from: the template's own, or any for an English text. */
const langFor = (r: Rng, lang: string): string => (lang in GIVEN && lang !== 'en' ? lang : r.pick(LANGS));

export function givenName(r: Rng, lang: string): string {
  return r.pick(GIVEN[langFor(r, lang)]!);
}

export function surname(r: Rng, lang: string): string {
  return r.pick(SURNAME[langFor(r, lang)]!);
}

export function fullName(r: Rng, lang: string): string {
  const l = langFor(r, lang);
  const given = r.pick(GIVEN[l]!);
  const shape = r.int(0, 9);
  if (shape === 0) return `${given} ${r.pick(GIVEN[l]!)} ${r.pick(SURNAME[l]!)}`;
  if (shape === 1) return `${given} ${r.pick('ABCDEFGHJKLMNPRSTW'.split(''))}. ${r.pick(SURNAME[l]!)}`;
  return `${given} ${r.pick(SURNAME[l]!)}`;
}
