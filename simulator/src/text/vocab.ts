import type { Rng } from '../random';

/** A word list written as `a|b|c`, so long lists stay compact. */
function list(words: string): readonly string[] {
  return Object.freeze(words.split('|'));
}

/**
 * Word lists for the templated text. They are long on purpose: the collector's near-duplicate key is a
 * MinHash of word 3-shingles, so two unrelated simulated answers must share almost no three-word
 * sequence, or the quality gate would reject them as duplicates of each other. Templates put a slot
 * every two or three words and these lists make each slot's value rarely repeat.
 */
export const FEATURES = list(
  'billing dashboard|invoice export|team workspace|audit log|single sign-on|API tokens|' +
    'webhook settings|usage report|mobile app|calendar sync|approval flow|guest access|' +
    'data retention|bulk import|custom fields|saved filters|email digest|role editor|payment methods|' +
    'tax settings|shared inbox|status page|time tracking|file previews|label manager|reminder rules|' +
    'contact sync|quota alerts|branch rules|export scheduler|ticket routing|address book|' +
    'spending limits|device list|session timeout|project board|release notes|backup vault|' +
    'coupon codes|seat management',
);

export const VERBS = list(
  'export|rename|archive|restore|share|merge|duplicate|schedule|filter|sort|tag|lock|unlock|' +
    'migrate|sync|download|upload|approve|assign|transfer|refund|cancel|reopen|publish|unpublish|pin|' +
    'mute|verify|rotate|revoke|split|reconcile|preview|annotate|import|resend|pause|resume|forward|' +
    'clone',
);

export const OBJECTS = list(
  'invoice|report|project|folder|dashboard|contract|ticket|order|subscription|license|template|' +
    'form|survey|receipt|payout|shipment|playlist|campaign|checklist|milestone|budget|quote|booking|' +
    'roster|catalog|timesheet|backlog|changelog|webhook|mailbox|workflow|estimate|ledger|manifest|' +
    'voucher|pipeline|calendar|notebook|snapshot|bundle|invitation|policy|whitelist|deposit|' +
    'statement|agenda|inventory|proposal|schedule|summary',
);

export const ADJECTIVES = list(
  'archived|pending|shared|recurring|draft|expired|locked|duplicated|overdue|scheduled|private|' +
    'public|flagged|imported|partial|stale|quarterly|monthly|weekly|annual|regional|internal|' +
    'external|cancelled|approved|rejected|hidden|pinned|default|custom|legacy|primary|secondary|' +
    'temporary|verified|unsigned|nested|filtered|grouped|merged',
);

export const MENUS = list(
  'Settings|Billing|Admin|Profile|Integrations|Security|Team|Reports|Notifications|Workspace|' +
    'Developer|Permissions|Storage|Automation|Help|Account|Organization|Apps|Data|Compliance|Sharing|' +
    'Devices|Payments|Calendar|Inbox|Projects|Templates|Exports|Imports|Audit',
);

export const BUTTONS = list(
  'Save|Apply|Confirm|Continue|Export|Sync|Retry|Done|Update|Submit|Generate|Send|Finish|Refresh|' +
    'Start|Review|Publish|Approve|Merge|Restore|Archive|Upload|Download|Share|Verify|Rotate|Connect|' +
    'Import|Schedule|Resolve',
);

/** What an item does on its own ("the archived invoice lingers in …"). */
export const STATES = list(
  'lingers|waits|hides|sits|remains|stays|reappears|vanishes|stalls|expires|duplicates|resets|' +
    'freezes|flickers|shrinks|splits|drifts|queues|loops|rotates',
);

export const CADENCES = list(
  'hourly|nightly|weekly|monthly|daily|instantly|quarterly|overnight|continuously|biweekly|' +
    'fortnightly|yearly|promptly|silently|gradually',
);

/** Single-word step verbs, so no two fixed words stand together in a template. */
export const OPENS = list('Open|Visit|Browse|Expand|Enter|Launch|Check|Inspect|Search|Scan');
export const CHOOSES = ['choose', 'pick', 'select', 'find', 'highlight', 'mark', 'locate', 'tick'] as const;
export const PRESSES = ['press', 'click', 'hit', 'tap', 'use', 'trigger'] as const;

export const PROBLEMS = list(
  'keeps failing|shows an error|does not load|is missing|looks empty|times out|is stuck at pending|' +
    'shows the wrong total|duplicates every entry|ignores my filter|lost its colors|' +
    'skips the last row|logs me out|sends two emails|rounds the amounts|shows old data|' +
    'freezes the page|hides the footer|changes the owner|drops attachments',
);

export const TIMEFRAMES = list(
  'since Monday|after the last update|this morning|since yesterday|for a week now|' +
    'since the migration|every Friday|after lunch|since we added seats|since the new plan|' +
    'twice today|on the staging account|only on mobile|only for guests|since the outage',
);

export const PEOPLE = list(
  'Amara|Bjorn|Chiara|Dmitri|Elena|Farah|Goran|Hana|Ivo|Jun|Kofi|Lena|Mateo|Nadia|Oskar|Priya|' +
    'Quinn|Rafael|Sana|Tomas|Uma|Viktor|Wen|Ximena|Yusuf|Zara|Aiko|Bruno|Celine|Diego|Esther|Felix|' +
    'Greta|Hugo|Ines|Jonas|Kira|Luca|Mila|Noah',
);

export const TEAMS = list(
  'finance|support|sales|platform|design|legal|operations|growth|research|logistics|marketing|' +
    'security|data|facilities|partner|procurement|payroll|audit|onboarding|billing|infrastructure|' +
    'mobile|analytics|content|quality|recruiting|training|events|compliance|hardware',
);

export const REASONS = list(
  'the cache still holds the previous copy|the permission was granted on the parent folder|' +
    'the export runs in the account time zone|the filter is saved per browser|the plan limits guests|' +
    'the sync only picks up changes every hour|the owner left the workspace|the token expired|' +
    'the rule applies to new items only|the import mapped the wrong column|two rules overlap|' +
    'the billing cycle starts mid-month|the mobile app keeps a local draft|' +
    'the retention policy hid it|the webhook retries with backoff|' +
    'the template still points to the old field',
);

const SYLLABLES_A = [
  'bren',
  'tal',
  'vor',
  'mir',
  'kes',
  'lun',
  'dar',
  'fen',
  'gal',
  'hol',
  'jas',
  'kor',
  'lem',
  'nor',
  'pel',
  'quin',
  'ros',
  'sel',
  'tor',
  'ulm',
  'ves',
  'wyn',
  'yar',
  'zel',
  'ard',
  'bel',
  'cor',
  'dun',
  'eld',
  'fir',
] as const;
const SYLLABLES_B = [
  'moss',
  'vik',
  'dale',
  'stone',
  'wick',
  'ford',
  'hollow',
  'mere',
  'ridge',
  'brook',
  'field',
  'gate',
  'haven',
  'crest',
  'wood',
  'marsh',
  'peak',
  'vale',
  'shore',
  'bury',
  'lake',
  'ton',
  'well',
  'cliff',
  'glen',
  'moor',
  'stead',
  'burn',
  'fall',
  'worth',
] as const;

/** A made-up proper name ("Brenmoss"): 900 combinations, so answers name different things. */
export function entityName(rng: Rng): string {
  const name = rng.pick(SYLLABLES_A) + rng.pick(SYLLABLES_B);
  return name[0]!.toUpperCase() + name.slice(1);
}

/** A camelCase identifier from two words of the lists ("mergeLedgerRows"). */
export function identifier(rng: Rng): string {
  const verb = rng.pick(VERBS);
  const object = rng.pick(OBJECTS);
  const tail = rng.pick([
    'Rows',
    'Items',
    'Batch',
    'Entries',
    'Map',
    'List',
    'Cache',
    'Index',
    'Queue',
    'Set',
  ]);
  return verb + object[0]!.toUpperCase() + object.slice(1) + tail;
}

/** Fills `{slot}` placeholders from word lists, or from functions for values that depend on the text. */
export function fill(
  template: string,
  rng: Rng,
  slots: Record<string, readonly string[] | (() => string)>,
): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const source = slots[name];
    if (source === undefined) return match;
    return typeof source === 'function' ? source() : rng.pick(source);
  });
}

/**
 * `count` sentences from `pool`, slots filled. No template repeats until the pool is used up, so an
 * answer does not say the same thing twice; longer texts go round the pool again.
 */
export function fillSentences(
  rng: Rng,
  pool: readonly string[],
  count: number,
  slots: Record<string, readonly string[] | (() => string)>,
): string {
  const order = pool.map((_, i) => i);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % order.length;
    const j = k + Math.floor(rng.next() * (order.length - k));
    [order[k], order[j]] = [order[j]!, order[k]!];
    out.push(capitalize(fill(pool[order[k]!]!, rng, slots)));
  }
  return out.join(' ');
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** English plural of a list noun ("summary" → "summaries"). */
export function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}
