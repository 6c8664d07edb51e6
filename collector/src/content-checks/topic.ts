import { foldText, stripPlaceholders } from './normalize';

// Function words carry no topic and would make any two texts of one language look related.
const STOPWORDS = new Set(
  (
    'the a an and or but of to in on at for with by from is are was were be been it this that these those i you he she we they ' +
    'me my your our their its do does did have has had can could would should will shall may might not no yes how what why when ' +
    'where which who please about into than then so if as just also there here some any all more most very ' +
    'der die das ein eine und oder aber ist sind war zu im in mit von fur auf ich du sie wir ihr es nicht wie was ' +
    'le la les un une des et ou mais est sont de du au aux en dans pour sur avec je tu il elle nous vous ils ce que qui ne pas ' +
    'el los las uno una y o pero es son del al en con por para yo tu lo que se no como ' +
    'o a os as um uma e ou mas eh sao do da dos das no na com por para eu voce ele ela que nao como'
  ).split(' '),
);

// Only the opening of a long text is compared; a topic is stated up front, and the cost stays flat.
const MAX_CHARS = 4000;

/**
 * Character-trigram vector (sublinear tf) of the content words. Trigrams rather than words make
 * "router" and "routers", "Passwort" and "password" overlap, and work for unspaced scripts.
 */
export function trigramVector(text: string): Map<string, number> {
  const words = foldText(stripPlaceholders(text.slice(0, MAX_CHARS)))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
  const counts = new Map<string, number>();
  for (const w of words) {
    const padded = ` ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const g = padded.slice(i, i + 3);
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
  }
  for (const [g, c] of counts) counts.set(g, 1 + Math.log(c));
  return counts;
}

export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [g, w] of small) dot += w * (large.get(g) ?? 0);
  if (dot === 0) return 0;
  let na = 0;
  let nb = 0;
  for (const w of a.values()) na += w * w;
  for (const w of b.values()) nb += w * w;
  return dot / Math.sqrt(na * nb);
}

// The reference is the same for every interaction of a workload; its vector is built once.
let cached: { reference: string; vector: Map<string, number> } | undefined;

/** Cosine similarity in [0,1] between the prompt and the topic reference text. */
export function topicRelevance(prompt: string, reference: string): number {
  if (cached?.reference !== reference) cached = { reference, vector: trigramVector(reference) };
  return Math.round(cosine(trigramVector(prompt), cached.vector) * 1e4) / 1e4;
}
