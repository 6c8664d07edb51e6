import { createRoute, z } from '@hono/zod-openapi';
import { apiErrors, count, iso, json } from './common';

const version = z.object({
  modelVersion: z.string(),
  interactions: count,
  firstSeen: iso,
  lastSeen: iso,
});

export const metaResponse = z.object({
  latestEventTime: iso
    .nullable()
    .describe('The newest interaction or signal: the default asOf of every evaluation; null when empty'),
  workloads: z
    .array(
      z.object({
        workloadId: z.string(),
        interactions: count,
        lastSeen: iso,
        versions: z.array(version).describe('Newest first'),
      }),
    )
    .describe('Most traffic first'),
});

export const getMeta = createRoute({
  method: 'get',
  path: '/api/v1/meta',
  operationId: 'getMeta',
  tags: ['Interactions'],
  summary: 'What data exists: the newest event time, the workloads and their model versions',
  description:
    'A few hundred bytes whatever the data: what a client needs before it asks for anything else (the anchor of relative time ranges, the workload and version pickers). Counted by the engine over the narrow interaction facts.',
  request: {},
  responses: { 200: json(metaResponse, 'What data exists'), ...apiErrors },
});
