import { createRoute, z } from '@hono/zod-openapi';
import { count, json, PUBLIC } from './common';

export const healthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  ingest: z
    .record(z.string(), count)
    .describe('Received since start: interactions, signals, skippedSpans, rejectedSpans'),
  writer: z
    .record(z.string(), count)
    .describe(
      'The batch writer between ingest and storage: queued, written and dropped items, failed flushes',
    ),
});

export const getHealth = createRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'getHealth',
  tags: ['Service'],
  summary: 'Whether the storage engine answers, with the ingest counters',
  description: 'Needs no key and reveals no project data: for load balancers and uptime checks.',
  security: PUBLIC,
  responses: {
    200: json(healthResponse, 'The engine answers'),
    503: json(healthResponse, 'The engine does not answer'),
  },
});
