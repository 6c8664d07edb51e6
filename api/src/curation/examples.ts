import type { ClickHouseClient } from '@flywheel/storage';
import { eventTimeToIso } from '../analytics/time';
import { similarExamples, type SimilarParams } from '../queries/gold-examples';

/** Few-shot examples (lever 1 of docs/design.md §9): the workload's gold examples nearest a text. */
export async function findSimilarExamples(client: ClickHouseClient, p: SimilarParams) {
  const rows = await similarExamples(client, p);
  return {
    method: 'lexical' as const,
    examples: rows.map((r) => ({ ...r, time: eventTimeToIso(r.time), similarity: Number(r.similarity) })),
  };
}
