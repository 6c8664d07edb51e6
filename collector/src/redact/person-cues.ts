// Words around a name that say it is one, in English, German, French, Spanish, Italian, Dutch and
// Portuguese. A cue lets a name through that the lists do not know ("Dr. Okonkwo") or that is also an
// everyday word ("Hi Grace,"); without a cue only a known given name followed by a surname counts.

/** Titles and honorifics, compared without their trailing dot. */
export const TITLES: ReadonlySet<string> = new Set([
  ...'Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lady Lord Rev Fr'.split(' '),
  ...'Herr Frau Fräulein Hr Fr'.split(' '),
  ...'M Mme Mlle Monsieur Madame Mademoiselle Pr'.split(' '),
  ...'Sr Sra Srta Señor Señora Señorita Dña Doña Dª'.split(' '),
  ...'Sig Signor Signora Signorina Dott Dottor Dottore Dottoressa Ing Avv'.split(' '),
  ...'Dhr Mevr Mw'.split(' '),
  ...'Senhor Senhora Dona Exmo Exma'.split(' '),
]);

/** Greetings after which a known given name is addressed ("Hi Anna,", "Liebe Mareike"). */
export const GREETINGS: ReadonlySet<string> = new Set([
  ...'Hi Hello Hey Dear Dearest Thanks Thank Cheers Morning Evening'.split(' '),
  ...'Hallo Liebe Lieber Moin Servus Danke'.split(' '),
  ...'Bonjour Bonsoir Salut Cher Chère Coucou Merci'.split(' '),
  ...'Hola Querido Querida Estimado Estimada Gracias'.split(' '),
  ...'Ciao Caro Cara Gentile Gentilissimo Gentilissima Salve Buongiorno Grazie'.split(' '),
  ...'Beste Hoi Dag'.split(' '),
  ...'Olá Oi Prezado Prezada Obrigado Obrigada'.split(' '),
]);

const words = (...lines: string[]): Set<string> => new Set(lines.join(' ').split(' '));

const WEAK_INTRODUCTIONS_LIST = [
  'i am',
  "i'm",
  "it's",
  'it is',
  'this is',
  'here is',
  'ich bin',
  'hier ist',
  'hier spricht',
  'je suis',
  "c'est",
  "moi c'est",
  'ici',
  'soy',
  'sono',
  'ik ben',
  'sou',
];

/** Phrases that introduce whatever name follows: "my name is", "je m'appelle", "assigned to". */
const INTRODUCTIONS = new Set([
  'my name is',
  "my name's",
  'call me',
  'ich heiße',
  'ich heisse',
  'mein name ist',
  "je m'appelle",
  'je me nomme',
  'mon nom est',
  'me llamo',
  'mi nombre es',
  'mi chiamo',
  'il mio nome è',
  'ik heet',
  'mijn naam is',
  'chamo-me',
  'meu nome é',
  'o meu nome é',
  'assigned to',
  'on behalf of',
  'signed by',
]);

/** The last word of each introduction: only after one of these is a phrase worth assembling. */
const PHRASE_ENDS: ReadonlySet<string> = new Set(
  [...INTRODUCTIONS, ...WEAK_INTRODUCTIONS_LIST].map((p) => p.slice(p.lastIndexOf(' ') + 1)),
);

/** Field names and labels before a colon or an equals sign: "Name:", `"author": "`, `name="`. */
const LABELS = words(
  'name author contact customer client holder owner recipient sender reviewer assignee attendees',
  'participants employee patient tenant signed nom prénom nombre nome titular vorname nachname',
  'ansprechpartner ansprechpartnerin kontakt empfänger absender naam from to cc attn signé gezeichnet',
  'firmado',
);

/** Lower-case titles written before a name, as Italians do ("dott.ssa Giulia …"). */
const LOWERCASE_TITLES = words('dott.ssa dott. sig.ra sig. avv. ing. prof.ssa prof. dr.');

/** Introductions that may precede anything ("I'm Happy"): they need a known given name. */
const WEAK_INTRODUCTIONS: ReadonlySet<string> = new Set(WEAK_INTRODUCTIONS_LIST);

/** A role or kinship noun right before a given name: "agent Kevin", "my grandmother Dorothy". */
const ROLES = words(
  'agent rep representative technician driver courier colleague coworker manager boss friend wife',
  'husband partner son daughter mother father mum mom dad sister brother aunt uncle cousin niece',
  'nephew grandmother grandfather grandma grandpa neighbour neighbor landlord landlady tenant',
  'customer client patient user doctor nurse teacher student kollege kollegin kunde kundin mutter',
  'vater sohn tochter collègue cliente ami amie mère père femme mari fils fille amigo amiga madre',
  'padre titular collega amico moeder vader mãe pai',
);

/** Greetings that, with a comma, address the given name after them: "Thanks, Anna!". */
const COMMA_GREETINGS = words(
  'hi hello hey dear thanks cheers hallo danke merci bonjour salut hola gracias ciao grazie olá',
  'obrigado obrigada',
);

/** What the text right before a name says about it. */
export type Cue = 'introduced' | 'weak' | 'role' | 'greeting';

const isPadding = (ch: string): boolean =>
  ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '"' || ch === "'" || ch === '`';
const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}’]/u;
const isWordChar = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  if (c >= 128) return NON_ASCII_WORD.test(ch);
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    ch === "'" ||
    ch === '_' ||
    ch === '.' ||
    ch === '-'
  );
};

/**
 * The cue in the (at most 48) characters before `at`, found by reading the last few words back, so
 * its cost does not depend on how many phrases are known.
 */
export function cueBefore(text: string, at: number): Cue | undefined {
  const stop = Math.max(0, at - 48);
  let i = at;
  while (i > stop && isPadding(text[i - 1]!)) i--;
  const mark = i > stop ? text[i - 1]! : '';
  if (mark === ':' || mark === '=' || mark === ',') {
    i--;
    while (i > stop && isPadding(text[i - 1]!)) i--;
  } else if (mark === '' || !isWordChar(mark) || mark === '.') {
    // After a full stop, a line break or a bracket no introduction can stand ("… today.\nAnna").
    return undefined;
  }
  const found: string[] = [];
  while (found.length < 4 && i > stop) {
    let j = i;
    while (j > stop && isWordChar(text[j - 1]!)) j--;
    if (j === i) break;
    const word = text.slice(j, i).toLowerCase();
    found.push(word.includes('’') ? word.replace(/’/g, "'") : word);
    i = j;
    if (i === stop || text[i - 1] !== ' ') break;
    i--;
  }
  const last = found[0];
  if (last === undefined) return undefined;
  if (mark === ':' || mark === '=')
    return LABELS.has(last) || last.endsWith('name') ? 'introduced' : undefined;
  const thankYou = last === 'you' && found[1] === 'thank';
  if (mark === ',') return COMMA_GREETINGS.has(last) || thankYou ? 'greeting' : undefined;
  if (LOWERCASE_TITLES.has(last)) return 'introduced';
  for (let n = PHRASE_ENDS.has(last) ? Math.min(found.length, 4) : 0; n >= 1; n--) {
    const phrase = found.slice(0, n).reverse().join(' ');
    if (INTRODUCTIONS.has(phrase)) return 'introduced';
    if (WEAK_INTRODUCTIONS.has(phrase)) return 'weak';
  }
  return ROLES.has(last) ? 'role' : undefined;
}

/** A line that closes a letter: the next line, when it holds only a name, is a signature. */
export const CLOSING_LINE = new RegExp(
  String.raw`^\s*(?:(?:best|kind|warm|warmest|many)?\s*(?:regards|wishes)|best|cheers|thanks|thank you|` +
    String.raw`many thanks|sincerely|yours(?: sincerely| truly| faithfully)?|respectfully|love|` +
    String.raw`(?:mit )?(?:freundlichen|herzlichen|besten|viele|liebe|beste) grüßen?|lg|vg|mfg|gruß|grüße|` +
    String.raw`cordialement|bien (?:à vous|cordialement)|amicalement|bisous|salutations(?: distinguées)?|` +
    String.raw`(?:un )?saludo(?:s)?(?: cordiales)?|atentamente|un abrazo|cordiali saluti|distinti saluti|` +
    String.raw`(?:un )?saluto|saluti|met vriendelijke groet(?:en)?|groet(?:en|jes)?|atenciosamente|` +
    String.raw`abraços|cumprimentos|--)[,.!]?\s*$`,
  'i',
);
