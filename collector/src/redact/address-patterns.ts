// The pieces of a postal address, as regex sources. Every repetition is bounded and every step starts
// with a character its neighbour cannot, so a candidate is decided within a few hundred characters.

const R = String.raw;

/** A house number: "17", "12a", "221B", "12-14", "45/3". */
export const HOUSE = R`\d{1,5}[A-Za-z]?(?:\s?[-/]\s?\d{1,5}[A-Za-z]?)?(?![\p{L}\p{N}])`;

/** A capitalised word of a street or city name: "Maple", "Saint-Denis", "N.", "O'Connell", "5th". */
const CAP = R`(?:\p{Lu}[\p{Ll}\p{M}'’.-][\p{L}\p{M}'’.-]{0,29}|\p{Lu}\.|\d{1,3}(?:st|nd|rd|th))`;
const CITY = R`\p{Lu}[\p{L}\p{M}'’-]{1,30}(?: (?:(?:am|an|im|bei|sur|sous|en|de|del|la|le|aan|den) )?(?!Cedex)\p{Lu}[\p{L}\p{M}'’-]{1,30}){0,2}`;

/** English street types after the name: "Drive", "Rd", "Blvd."; only an abbreviation owns a dot after it. */
const EN_TYPE = R`(?:(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Place|Square|Terrace|Way|Close|Crescent|Grove|Gardens|Parkway|Highway|Circle|Trail|Row|Mews|Walk|Hill|Rise|Vale|Wharf|Quay|Green|Park|Plaza|Alley|Loop|Pike|Path|Ridge|Heights|View|Crossing|Hollow|Cove|Expressway|Freeway|Turnpike|Esplanade|Embankment|Parade|Broadway)|(?:St|Ave|Av|Rd|Blvd|Ln|Dr|Ct|Pl|Sq|Terr|Tce|Cres|Gdns|Pkwy|Hwy|Cir|Trl)\.?)(?![\p{L}\p{N}])`;
const DIRECTION = R`(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?`;
const UNIT = R`(?:,?\s(?:Apt|Apartment|Suite|Ste|Unit|Flat|Fl|Floor|Rm|Room|Bldg|#)\.?\s?#?[\dA-Z][\dA-Za-z-]{0,5})?`;

/** "1427 Maple Ridge Drive", "2200 N. Lamar Blvd. Apt 12B", "350 Fifth Avenue, Suite 4100". */
export const EN_STREET = new RegExp(
  R`${HOUSE},?\s(?:${DIRECTION}\s)?(?:${CAP}\s){1,4}${EN_TYPE}(?:\s(?:N|S|E|W|NE|NW|SE|SW)(?![\p{L}\p{N}]))?${UNIT}`,
  'uy',
);

const FR_PARTICLE = R`(?:(?:de|du|des|la|le|les|aux|au|et|sur|sous|en)\s|[ld]['’]){0,3}`;
const FR_TYPE = R`(?:[Rr]ue|[Aa]venue|[Aa]v\.|[Bb]oulevard|[Bb]d|[Pp]lace|[Aa]llée|[Cc]hemin|[Ii]mpasse|[Qq]uai|[Rr]oute|[Cc]ours|[Pp]assage|[Ss]quare|[Vv]oie|[Ff]aubourg|[Ss]entier|[Ee]splanade|[Pp]romenade|[Rr]ond-point|[Pp]arvis|[Cc]ité|[Hh]ameau)`;

/** "14 rue des Lilas", "5 bis avenue Jean-Jaurès", "3, place du Marché", "4410 Rue Saint-Denis". */
export const FR_STREET = new RegExp(
  R`${HOUSE}(?:\s?(?:bis|ter|quater)(?![\p{L}]))?,?\s${FR_TYPE}\s${FR_PARTICLE}\p{Lu}\p{Ll}[\p{L}\p{M}'’-]{0,30}(?:\s${FR_PARTICLE}\p{Lu}\p{Ll}[\p{L}\p{M}'’-]{0,30}){0,4}`,
  'uy',
);

/** After a street: the postcode and city that may follow on the same line or the next. */
export const TAIL = new RegExp(
  R`(?:,\s?|[ \t]{0,4}\n[ \t]{0,8}|\s)(?:` +
    // United States: "Boulder, CO 80302"; Canada: "Montréal, QC H2J 2L1"; Australia: "Sydney NSW 2000".
    R`${CITY},?\s(?:[A-Z]{2}\s\d{5}(?:-\d{4})?|[A-Z]{2}\s[A-Z]\d[A-Z]\s?\d[A-Z]\d|(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT)\s\d{4})` +
    // United Kingdom (and its territories' "FIQQ 1ZZ"), Ireland's Eircode.
    R`|${CITY},?\s(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]{4}\s?1ZZ|[ACDEFHKNPRTVWXY]\d[\dW]\s?[\dACDEFHKNPRTVWXY]{4})` +
    // Continental Europe: "10435 Berlin", "1016 GV Amsterdam", "1100-053 Lisboa", "13097 Marseille Cedex 2".
    R`|(?:(?:D|A|CH|F|B|L|NL|I|E|P)-)?(?:\d{5}|\d{4}-\d{3}|\d{4}(?:\s?[A-Z]{2}(?!\p{L}))?)\s${CITY}(?:\sCedex(?:\s\d{1,2})?)?` +
    R`)(?![\p{L}\p{N}])`,
  'uy',
);

/** A house number right after the street name, as German, Dutch, Italian, Spanish and Portuguese write it. */
export const HOUSE_AFTER = new RegExp(R`(?:n[º°o]\.?\s?)?${HOUSE}`, 'uy');

/** A unit written before the house number: "Flat 3, ", "Unit 5, ". */
export const UNIT_BEFORE = /(?:Flat|Apt\.?|Apartment|Unit|Suite|Ste\.?)\s[\dA-Z][\w-]{0,4},?\s$/;

/** Street names that end in their type: "Lindenstraße", "Schwanthalerstr.", "Prinsengracht". */
export const STREET_SUFFIX_WORD =
  /^\p{Lu}[\p{L}\p{M}-]{1,40}(?:[Ss]traße|[Ss]trasse|[Ss]tr\.|[Ww]eg|[Gg]asse|[Aa]llee|[Pp]latz|[Dd]amm|[Uu]fer|[Cc]haussee|[Ss]teig|[Pp]fad|gracht|straat|laan|plein|kade|singel|dijk|steeg|gata|gatan|vej|gade|vägen|veien)$/u;

/** Types written as their own word after the name: "Mariahilfer Straße", "Berliner Str.", "Am Markt". */
export const STREET_TYPE_WORDS: ReadonlySet<string> = new Set(
  'Straße Strasse Str. Weg Gasse Allee Platz Ring Damm Ufer Chaussee Markt Steig Pfad Gracht Straat Laan Plein'.split(
    ' ',
  ),
);

/** Types written before the name, then the number: "Via Garibaldi 21", "Calle de Alcalá 48". */
export const STREET_TYPES_BEFORE: ReadonlySet<string> = new Set(
  [
    'Calle C/ Avenida Avda. Av. Paseo Plaza Pza. Carrer Camino Ronda Travesía Glorieta',
    'Via Viale Piazza Piazzale Corso Largo Vicolo Strada Contrada Borgo',
    'Rua R. Travessa Praça Alameda Estrada Avenida Largo',
    'Rue Avenue Boulevard Chemin Place Allée Quai Impasse Chaussée Drève',
  ]
    .join(' ')
    .split(' '),
);

/** Lower-case words allowed inside a street name written type first ("Calle de Alcalá"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  'de del della delle dei degli di da do dos das la las los el du des le les der den van von'.split(' '),
);

/** Prepositions opening a German or Dutch street name that has no type: "Am Hang", "Op de Kamp". */
export const STREET_OPENERS: ReadonlySet<string> = new Set(
  'Am An Auf Im In Zum Zur Unter Hinter Vor Op Aan'.split(' '),
);

/** Post boxes, each with its number: "P.O. Box 4471", "Postfach 10 02 31", "BP 4521". */
export const PO_BOX =
  /(?<![\p{L}\p{N}])(?:P\.\s?O\.\s?Box|PO\s?Box|Post Office Box|Postfach|Postbus|Boîte postale|BP|B\.P\.|Apartado(?: de [Cc]orreos)?|Caixa Postal|Casella [Pp]ostale)\s?\d{1,6}(?:\s\d{2}){0,3}(?![\p{L}\p{N}])/gu;

/** "BP" alone is also blood pressure or a company: counted as a post box only with a postcode after. */
export const AMBIGUOUS_PO_BOX = /^(?:BP|B\.P\.)/;

/** Japanese addresses open with the postal mark: "〒100-0001 東京都千代田区千代田1-1". */
export const JP_POSTAL = /〒\s?\d{3}-\d{4}(?:[ \u3000]?[^\s]{1,60})?/gu;
