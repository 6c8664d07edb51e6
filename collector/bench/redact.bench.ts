/**
 * Throughput of PII redaction and per-interaction content checks.
 * Run: `npx tsx collector/bench/redact.bench.ts` (from the repo root). Single-threaded; numbers are
 * per core.
 */
import { DEFAULT_CHECKS_CONFIG, runContentChecksSync } from '../src/content-checks/index';
import { lexiconToxicity } from '../src/content-checks/toxicity';
import { detectLanguage } from '../src/content-checks/language';
import { countWords } from '../src/content-checks/length';
import { nearDuplicateKey } from '../src/content-checks/near-duplicate';
import { matchJailbreak } from '../src/content-checks/jailbreak';
import { topicRelevance } from '../src/content-checks/topic';
import { findAddresses } from '../src/redact/address';
import { loadCorpus } from '../src/redact/corpus/load';
import { detectPii, redactText } from '../src/redact/index';
import { findPersons } from '../src/redact/person';
import { redactTextUncached } from '../src/redact/redact';
import { LLM_PROMPT, LLM_RESPONSE_3_5KB } from './llm-text';

const MIN_MS = 1500;

/** Runs `fn` over `inputs` round-robin for at least MIN_MS after a warm-up; returns calls per second. */
function measure<T>(inputs: readonly T[], fn: (x: T) => unknown): number {
  for (let i = 0; i < Math.min(inputs.length * 2, 200); i++) fn(inputs[i % inputs.length]!);
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    for (let i = 0; i < inputs.length; i++) fn(inputs[i]!);
    calls += inputs.length;
    elapsed = performance.now() - start;
  }
  return (calls * 1000) / elapsed;
}

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const rows: [string, string][] = [];
const report = (name: string, value: string): void => {
  rows.push([name, value]);
  console.log(`${name.padEnd(58)} ${value}`);
};

// Variants defeat any per-value caching (the phone validator memoizes) without changing the size.
const responses = Array.from({ length: 64 }, (_, i) =>
  LLM_RESPONSE_3_5KB.replace('118204', String(118204 + i)).replace('0958', String(1000 + i)),
);
const prompts = Array.from({ length: 64 }, (_, i) => `${LLM_PROMPT} (ticket ${i})`);

console.log(`node ${process.version}, ${process.arch}; each figure is single-threaded\n`);

const corpus = loadCorpus().map((e) => e.text);
const corpusBytes = corpus.reduce((n, t) => n + utf8Bytes(t), 0);
// Uncached: redactText remembers short texts, and every snippet would be answered from memory after
// the first round.
const corpusRate = measure(corpus, redactTextUncached);
report(
  `redact: corpus (${corpus.length} snippets, avg ${Math.round(corpusBytes / corpus.length)} B)`,
  `${((corpusRate * corpusBytes) / corpus.length / 1e6).toFixed(1)} MB/s`,
);

const respBytes = utf8Bytes(LLM_RESPONSE_3_5KB);
const respRate = measure(responses, redactText);
report(
  `redact: ${(respBytes / 1024).toFixed(1)} KB LLM response, one call each`,
  `${((respRate * respBytes) / 1e6).toFixed(1)} MB/s (${Math.round(respRate)} calls/s)`,
);

const big = LLM_RESPONSE_3_5KB.repeat(Math.ceil((5 * 1024 * 1024) / LLM_RESPONSE_3_5KB.length));
const bigRate = measure([big], redactText);
report(
  `redact: the same text repeated to ${(utf8Bytes(big) / 1e6).toFixed(1)} MB, one call`,
  `${((bigRate * utf8Bytes(big)) / 1e6).toFixed(1)} MB/s`,
);

// µs per KB of input: what each call costs the ingest path per kilobyte of prompt or response.
const perKb = (rate: number, bytes: number): string => `${(1e6 / rate / (bytes / 1024)).toFixed(1)} µs/KB`;
report('redact: 3.5 KB LLM response, all detectors', perKb(respRate, respBytes));
report('  … of which person names', perKb(measure(responses, findPersons), respBytes));
report('  … of which postal addresses', perKb(measure(responses, findAddresses), respBytes));
report(
  'detect: corpus snippets, all detectors',
  perKb(measure(corpus, detectPii), corpusBytes / corpus.length),
);
report('  … of which person names', perKb(measure(corpus, findPersons), corpusBytes / corpus.length));
report('  … of which postal addresses', perKb(measure(corpus, findAddresses), corpusBytes / corpus.length));

const interactions = responses.map((response, i) => ({
  prompt: prompts[i]!,
  response,
  outputTokens: 812,
  piiKinds: [] as string[],
}));
const checksRate = measure(interactions, (x) => runContentChecksSync(x));
report('checks: prompt + 3.5 KB response, default config', `${Math.round(checksRate)} interactions/s`);

const topicConfig = {
  ...DEFAULT_CHECKS_CONFIG,
  topicReference: 'Acme router support: wifi, firmware, connection drops, billing.',
  allowedLanguages: ['en', 'de'],
};
report(
  'checks: … with topic reference and language allow-list',
  `${Math.round(measure(interactions, (x) => runContentChecksSync(x, topicConfig)))} interactions/s`,
);

const pipeline = measure(interactions, (x) => {
  const p = redactText(x.prompt);
  const r = redactText(x.response);
  return runContentChecksSync({
    prompt: p.text,
    response: r.text,
    outputTokens: x.outputTokens,
    piiKinds: [...p.kinds, ...r.kinds],
  });
});
report('redact prompt + response, then checks (what ingest does)', `${Math.round(pipeline)} interactions/s`);

console.log('\nper check, on the 3.5 KB response (µs per call):');
const parts: [string, (s: string) => unknown][] = [
  ['toxicity (obscenity + lexicon)', lexiconToxicity],
  ['language (eld)', detectLanguage],
  ['words', countWords],
  ['near-duplicate key', nearDuplicateKey],
  ['jailbreak patterns', matchJailbreak],
  ['topic relevance', (s) => topicRelevance(s, topicConfig.topicReference)],
];
for (const [name, fn] of parts)
  console.log(`  ${name.padEnd(34)} ${(1e6 / measure(responses, fn)).toFixed(0).padStart(6)}`);
