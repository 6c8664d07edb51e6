import { createRoute, z } from '@hono/zod-openapi';
import { apiErrors, iso, json } from './common';
import { name, queryInteger, text } from './ranges';

/** Longest text the similar-examples search takes, in characters. */
export const MAX_QUERY_TEXT = 4000;
export const MAX_EXAMPLES = 50;

export const similarExample = z.object({
  requestId: z.string(),
  workload: z.string(),
  time: iso.describe('Event time of the interaction'),
  source: z
    .enum(['gold', 'correction'])
    .describe('gold: every review passed; correction: a reviewer’s answer'),
  text: z.string().describe('The input (prompt) of the example'),
  expected: z.string().describe('Its human-approved answer'),
  similarity: z.number().min(0).max(1),
});

export const getSimilarExamples = createRoute({
  method: 'get',
  path: '/api/v1/examples/similar',
  operationId: 'getSimilarExamples',
  tags: ['Datasets'],
  summary: 'Gold examples most similar to a text (few-shot)',
  description:
    'The K gold examples of a workload (every review passed, or a reviewer’s correction) most similar to `text`, best first, for few-shot prompts. With an embeddings service configured (FLYWHEEL_EMBEDDINGS_URL), by embedding: the text is embedded and the nearest stored vectors found with the engine’s vector index, similarity = 1 − cosine distance. Otherwise, and whenever the embedding path fails (`fallbackReason` says why), lexical similarity computed by the engine: the mean of 1 − 4-gram distance and the Jaccard index of the word sets, among examples sharing a word with the text.',
  request: {
    query: z.strictObject({
      workload: name,
      text: text(MAX_QUERY_TEXT).min(1),
      k: queryInteger(1, MAX_EXAMPLES).default(5),
    }),
  },
  responses: {
    200: json(
      z.object({
        method: z
          .enum(['lexical', 'embedding'])
          .describe(
            'Which search answered: embedding (vector index) or lexical (the default, and the fallback)',
          ),
        model: z.string().optional().describe('The embeddings model, when method is embedding'),
        fallbackReason: z
          .string()
          .optional()
          .describe(
            'Why an embeddings service is configured but lexical search answered: the service’s error (unreachable, timed out, 401 …) or no embedded example yet',
          ),
        examples: z.array(similarExample),
      }),
      'The most similar examples, best first',
    ),
    ...apiErrors,
  },
});
