import { faker as de } from '@faker-js/faker/locale/de';
import { faker as deCH } from '@faker-js/faker/locale/de_CH';
import { faker as en } from '@faker-js/faker/locale/en';
import { faker as enAU } from '@faker-js/faker/locale/en_AU';
import { faker as enGH } from '@faker-js/faker/locale/en_GH';
import { faker as enHK } from '@faker-js/faker/locale/en_HK';
import { faker as enIN } from '@faker-js/faker/locale/en_IN';
import { faker as enNG } from '@faker-js/faker/locale/en_NG';
import { faker as enZA } from '@faker-js/faker/locale/en_ZA';
import { faker as es } from '@faker-js/faker/locale/es';
import { faker as fr } from '@faker-js/faker/locale/fr';
import { faker as frBE } from '@faker-js/faker/locale/fr_BE';
import { faker as it } from '@faker-js/faker/locale/it';
import { faker as nl } from '@faker-js/faker/locale/nl';
import { faker as pl } from '@faker-js/faker/locale/pl';
import { faker as ptBR } from '@faker-js/faker/locale/pt_BR';
import { faker as ptPT } from '@faker-js/faker/locale/pt_PT';
import { faker as tr } from '@faker-js/faker/locale/tr';

// Given names and surnames come from @faker-js/faker's locale data: census- and registry-derived
// lists maintained per country (~10,000 given names, ~7,000 surnames here), shipped inside the npm
// package. Only the subpath imports are used: each loads one locale, not all seventy.
// English as written in Australia, Ghana, Hong Kong, India, Nigeria and South Africa too: names in
// English text come from everywhere.
const LOCALES = [en, enAU, enGH, enHK, enIN, enNG, enZA, de, deCH, fr, frBE, es, it, nl, ptPT, ptBR, pl, tr];

/** A faker entry: lists keyed by sex or part of speech, possibly absent or null in a locale. */
type Lists = Partial<Record<string, readonly string[]>> | null | undefined;

/** The capitalised single words of every list: "María José" gives both, "Jeanne d’Arc" gives "Jeanne". */
function words(pick: (d: (typeof en)['rawDefinitions']) => Lists): Set<string> {
  const out = new Set<string>();
  for (const locale of LOCALES) {
    for (const list of Object.values(pick(locale.rawDefinitions) ?? {})) {
      for (const entry of list ?? []) {
        for (const w of entry.split(/[\s]+/)) if (/^\p{Lu}\p{Ll}/u.test(w)) out.add(w);
      }
    }
  }
  return out;
}

export const GIVEN_NAMES: ReadonlySet<string> = words((d) => d.person?.first_name);
export const SURNAMES: ReadonlySet<string> = words((d) => d.person?.last_name);

const lower = (list: Iterable<string>): Set<string> => {
  const out = new Set<string>();
  for (const w of list) out.add(w.toLowerCase());
  return out;
};

// Months, weekdays and words that open a sentence or a UI label in the claimed languages: none of
// them is a surname after a given name ("May Update", "Grace Period", "Jordan River").
const EVERYDAY = [
  ...'january february march april may june july august september october november december'.split(' '),
  ...'monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday'.split(' '),
  ...'januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag'.split(' '),
  ...'freitag samstag sonntag janvier février mars avril juin juillet août septembre octobre'.split(' '),
  ...'novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche'.split(' '),
  ...'the a an this that these those there here it its his her their our your my we you they he she'.split(
    ' ',
  ),
  ...'and or but if when then also not no yes ok okay please thanks thank hello hi hey dear'.split(' '),
  ...'der die das ein eine und oder aber bitte danke hallo le la les un une et ou mais merci'.split(' '),
  ...'el los las y pero gracias hola il lo gli e ma grazie ciao de het een en maar dank'.split(' '),
  ...'team support service services customer customers sales billing settings update updates'.split(' '),
  ...'account accounts admin user users manager department office station river street avenue'.split(' '),
  ...'road lane park square garden center centre hall bridge cathedral church museum airport'.split(' '),
  ...'university college school hospital hotel bank group inc ltd gmbh corp company studio'.split(' '),
  ...'period power mode plan pro max mini ultra plus edition version release beta api sdk app'.split(' '),
  ...'north south east west new old great grand saint san santa mount lake island city county'.split(' '),
];

/** Lower-cased everyday words of English, German, French, Spanish, Italian and Dutch. */
export const COMMON_WORDS: ReadonlySet<string> = (() => {
  const out = lower(EVERYDAY);
  for (const locale of [en, de, fr, es, it, nl]) {
    for (const list of Object.values(locale.rawDefinitions.word ?? {}) as (readonly string[] | undefined)[]) {
      for (const w of list ?? []) out.add(w.toLowerCase());
    }
  }
  return out;
})();

// Given names that are also the name of a product, a model, a language or a place, so common in
// LLM traffic that they count as a name only after a title, an introduction or a greeting.
const NEVER_ALONE = [
  ...'Claude Gemini Alexa Siri Cortana Llama Mistral Grok Copilot Ada Julia Ruby Pascal Crystal'.split(' '),
  ...'Paris Florence Victoria Sydney Jordan Georgia Virginia Carolina Austin Dallas Houston Phoenix'.split(
    ' ',
  ),
  ...'Lincoln Madison Chelsea Brooklyn Charlotte Savannah Orlando Aurora Adelaide Alexandria Santiago'.split(
    ' ',
  ),
  ...'Mercedes Ferrari Lamborghini Porsche Tesla Ford Dell Chase Wells Lexus Jaguar Harley Kia'.split(' '),
  ...'Apple Amazon Oracle Windows Android Linux Python Java Rust Swift Go Dart Elixir Kotlin'.split(' '),
];

/** Given names that are also a product, model, language or place: only counted with a cue. */
export const CUE_ONLY_NAMES: ReadonlySet<string> = new Set(NEVER_ALONE);
