import { createRoute, z } from '@hono/zod-openapi';
import { HEALTH_CHECKS } from '../health/write-path';
import { count, json, PUBLIC } from './common';

export const healthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  problems: z
    .array(
      z.object({
        check: z.enum(HEALTH_CHECKS),
        detail: z.string(),
      }),
    )
    .describe('Why writes cannot succeed now; empty when the status is ok'),
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
  summary: 'Whether writes can succeed now, with the ingest counters',
  description:
    'Needs no key and reveals no project data: for load balancers, orchestrators and uptime checks. 503 when the engine does not answer, the last insert failed (until one commits), the data directory cannot be written or its disk is nearly full.',
  security: PUBLIC,
  responses: {
    200: json(healthResponse, 'Writes can succeed'),
    503: json(healthResponse, 'Writes are failing; problems says why'),
  },
});
