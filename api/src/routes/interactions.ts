import { Hono } from 'hono';
import { z } from 'zod';
import type { ClickHouseClient } from '@flywheel/storage';
import { listInteractions, signalsForRequests } from '../queries/interactions';
import { EARLIEST, LATEST, isoToEventTime } from './time';
import { parseQuery } from './validation';
import type { ApiEnv } from './env';

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  workload: z.string().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** `GET /api/v1/interactions`: newest first, each with its signals and outcome. */
export function interactionsRoute(client: ClickHouseClient): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.get('/api/v1/interactions', async (c) => {
    const q = parseQuery(querySchema, c.req.query());
    const projectId = c.get('projectId');
    const rows = await listInteractions(client, {
      projectId,
      limit: q.limit,
      ...(q.workload ? { workload: q.workload } : {}),
      from: q.from ? isoToEventTime(q.from) : EARLIEST,
      to: q.to ? isoToEventTime(q.to) : LATEST,
    });
    const signals = await signalsForRequests(client, projectId, [...new Set(rows.map((r) => r.requestId))]);
    const byRequest = new Map(signals.map((s) => [s.requestId, s]));
    return c.json({
      items: rows.map((row) => {
        const s = byRequest.get(row.requestId);
        return { ...row, outcome: s?.outcome ?? 'unknown', signals: s?.kinds ?? [] };
      }),
    });
  });
  return app;
}
