import type { ClickHouseClient } from '@flywheel/storage';
import { eventTimeToIso } from '../analytics/time';
import { goldExamplesByDistance, nearestEmbeddings } from '../queries/example-embeddings';
import { similarExamples, type SimilarExample, type SimilarParams } from '../queries/gold-examples';
import { EmbeddingsError } from './embeddings-client';
import type { ExampleEmbeddings } from './example-embeddings';

/**
 * Nearest vectors asked of the index per example answered: the HNSW search is approximate, and a
 * vector whose example a later review withdrew is dropped after it.
 */
const OVERFETCH = 4;

/**
 * Few-shot examples (lever 1 of docs/design.md §9): the workload's gold examples nearest a text. By
 * embedding when a service is configured and has embedded some of the workload's examples; lexically
 * otherwise, and whenever the embedding path fails, saying why.
 */
export async function findSimilarExamples(
  client: ClickHouseClient,
  p: SimilarParams,
  embeddings?: ExampleEmbeddings,
) {
  let fallbackReason: string | undefined;
  if (embeddings) {
    try {
      const vector = await embeddings.embedQuery(p.text);
      const nearest = await nearestEmbeddings(client, {
        projectId: p.projectId,
        workload: p.workload,
        model: embeddings.model,
        vector,
        limit: p.k * OVERFETCH + 16,
      });
      if (nearest.length > 0) {
        const rows = await goldExamplesByDistance(client, { ...p, nearest });
        return { method: 'embedding' as const, model: embeddings.model, examples: rows.map(toExample) };
      }
      fallbackReason = `no gold example of workload ${p.workload} is embedded with ${embeddings.model} yet`;
    } catch (error) {
      // The service's own reason (down, slow, wrong key) as it is; an engine error (say, a model that
      // changed its dimension under the same name) is named as the search's.
      const message = (error as Error).message;
      fallbackReason = error instanceof EmbeddingsError ? message : `embedding search failed: ${message}`;
    }
  }
  const rows = await similarExamples(client, p);
  return {
    method: 'lexical' as const,
    ...(fallbackReason === undefined ? {} : { fallbackReason }),
    examples: rows.map(toExample),
  };
}

const toExample = (r: SimilarExample) => ({
  ...r,
  time: eventTimeToIso(r.time),
  similarity: Number(r.similarity),
});
