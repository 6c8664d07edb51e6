/**
 * Writes generated.jsonl: realistic snippets built from templates, with PII values and look-alike
 * decoys drawn from a seeded generator. Run `tsx collector/src/redact/corpus/generate.ts` after
 * changing a template; a test fails while the checked-in file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PiiKind } from '../types';
import type { CorpusEntry, ExpectedEntity } from './corpus-types';
import { DECOYS } from './decoy-values';
import {
  addressDE,
  addressFR,
  addressSouthWest,
  addressUK,
  addressUS,
  poBox,
  streetUS,
} from './address-values';
import { card, email, iban, ipv4, ipv6, phone, ssn } from './pii-values';
import { fullName, givenName, surname } from './person-values';
import { makeRng } from './rng';
import type { Rng } from './rng';
import { bearerToken, password, pemBlock, providerKey } from './secret-values';
import { TEMPLATES_EN } from './templates-en';
import { TEMPLATES_INTL } from './templates-intl';

export const CORPUS_SEED = 20_240_501;
export const GENERATED_COUNT = 500;

const SLOTS: Record<string, [PiiKind, (r: Rng, lang: string) => string]> = {
  email: ['EMAIL', email],
  phone: ['PHONE', (r) => phone(r)],
  card: ['CREDIT_CARD', card],
  iban: ['IBAN', iban],
  ssn: ['SSN', ssn],
  ipv4: ['IP_ADDRESS', ipv4],
  ipv6: ['IP_ADDRESS', ipv6],
  key: ['SECRET', providerKey],
  bearer: ['SECRET', bearerToken],
  password: ['SECRET', password],
  pem: ['SECRET', pemBlock],
  person: ['PERSON', fullName],
  given: ['PERSON', givenName],
  surname: ['PERSON', surname],
  streetUS: ['ADDRESS', streetUS],
  addressUS: ['ADDRESS', addressUS],
  addressUK: ['ADDRESS', addressUK],
  addressDE: ['ADDRESS', addressDE],
  addressFR: ['ADDRESS', addressFR],
  addressSW: ['ADDRESS', addressSouthWest],
  poBox: ['ADDRESS', poBox],
};

function fill(template: string, lang: string, r: Rng): { text: string; entities: ExpectedEntity[] } {
  const entities: ExpectedEntity[] = [];
  const text = template.replace(
    /\{(d:)?([a-zA-Z0-9]+)\}/g,
    (whole, decoy: string | undefined, name: string) => {
      if (decoy) {
        const make = DECOYS[name];
        if (!make) throw new Error(`unknown decoy ${whole}`);
        return make(r);
      }
      const slot = SLOTS[name];
      if (!slot) return whole; // JSON braces in the template, not a slot
      const value = slot[1](r, lang);
      entities.push({ kind: slot[0], value });
      return value;
    },
  );
  return { text, entities };
}

export function generateCorpus(seed = CORPUS_SEED, count = GENERATED_COUNT): CorpusEntry[] {
  const r = makeRng(seed);
  const templates = [...TEMPLATES_EN, ...TEMPLATES_INTL];
  return Array.from({ length: count }, (_, i) => {
    const t = templates[i % templates.length]!;
    return {
      id: `gen-${String(i).padStart(4, '0')}`,
      lang: t.lang,
      format: t.format,
      ...fill(t.text, t.lang, r),
    };
  });
}

export function toJsonl(entries: readonly CorpusEntry[]): string {
  return entries.map((e) => JSON.stringify(e)).join('\n') + '\n';
}

export const GENERATED_PATH = fileURLToPath(new URL('./generated.jsonl', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(GENERATED_PATH, toJsonl(generateCorpus()));
  console.log(`wrote ${GENERATED_COUNT} entries to generated.jsonl`);
}
