import { Hono } from 'hono';
import { z } from 'zod';
import type { ClickHouseClient } from '@flywheel/storage';
import { velocityReport } from '../analytics/velocity';
import type { Operation } from '../openapi/operation';
import { velocityResponse } from '../openapi/responses';
import { resolveScope, scopeQuery } from './scope';
import { parseQuery } from './validation';
import type { ApiEnv } from './env';

const query = z.strictObject({
  ...scopeQuery,
  bucket: z.enum(['day', 'week']).default('day').describe('Bucket size (UTC days; weeks start on Monday).'),
  W: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .default(7)
    .describe('Days after and before a deploy for the cycles’ online deltas.'),
});

/** Default window of the velocity view: the 90 days before asOf. */
const DEFAULT_DAYS = 90;

export const velocityOperations: Operation[] = [
  {
    method: 'get',
    path: '/api/v1/velocity',
    tag: 'Flywheel',
    summary: 'Flywheel velocity, phase and stagnation diagnosis',
    description:
      'Per bucket: interactions, candidates (known outcome), explicit-signal rate, signal coverage, success rate and gate pass rate. Per workload: its phase (success-rate band over the 28 days before asOf, cold start below 200 known outcomes) and, when the last two cycles moved less than +2 points or not significantly, the likely causes with their evidence.',
    query,
    responses: { 200: { description: 'Velocity report', schema: velocityResponse } },
  },
];

export function velocityRoute(client: ClickHouseClient): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/api/v1/velocity', async (c) => {
    const q = parseQuery(query, c.req.query());
    const projectId = c.get('projectId');
    const scope = await resolveScope(client, projectId, q, DEFAULT_DAYS);
    return c.json(await velocityReport(client, { projectId, ...scope, bucket: q.bucket, days: q.W }));
  });
  return app;
}
