import { createRoute, z } from '@hono/zod-openapi';
import { apiErrors, count, iso, json, scopeQuery } from './common';

export const signalMixQuery = z.strictObject({
  ...scopeQuery,
  bucket: z.enum(['day', 'week']).default('day').describe('Bucket size (UTC days; weeks start on Monday).'),
});

const split = { signals: count, explicit: count, implicit: count };

export const signalMixReport = z.object({
  window: z.object({ from: iso, to: iso, asOf: iso }),
  workload: z.string().nullable(),
  bucket: z.enum(['day', 'week']),
  totals: z.object(split),
  kinds: z
    .array(z.object({ kind: z.string(), ...split }))
    .describe('Every kind seen in the window, most frequent first'),
  buckets: z.array(
    z.object({
      bucket: z.string().describe('First day of the bucket, YYYY-MM-DD'),
      ...split,
      kinds: z.record(z.string(), count).describe('Signals per kind'),
    }),
  ),
});

export const getSignalMix = createRoute({
  method: 'get',
  path: '/api/v1/signal-mix',
  operationId: 'getSignalMix',
  tags: ['Flywheel'],
  summary: 'Feedback signals per kind and bucket, explicit and implicit',
  description:
    'Signals by their own event time in [from, to) and at or before asOf, each counted once however often it was delivered; with a workload, the signals on that workload’s interactions. A bucket without signals is absent (a gap, not a 0).',
  request: { query: signalMixQuery },
  responses: { 200: json(signalMixReport, 'Signal mix'), ...apiErrors },
});
