import { Hono } from 'hono';
import { z } from 'zod';
import type { ClickHouseClient } from '@flywheel/storage';
import type { AlarmServices } from '../alarms/services';
import { eventTimeToIso } from '../alarms/time';
import type { Alarm } from '../alarms/types';
import { latestEventTime } from '../queries/as-of';
import { listAlarms, listDeliveries } from '../queries/alarms';
import { isoToEventTime } from './time';
import { parseQuery } from './validation';
import type { ApiEnv } from './env';

const asOfParam = z.iso.datetime({ offset: true }).optional();

/** `GET /api/v1/alarms`, `POST /api/v1/alarms/evaluate`, `GET /api/v1/alarms/{id}/deliveries`. */
export function alarmsRoute(client: ClickHouseClient, alarms: AlarmServices): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const view = (a: Alarm) => ({
    id: a.id,
    kind: a.kind,
    severity: a.severity,
    workloadId: a.workloadId,
    modelVersion: a.modelVersion || null,
    state: a.state,
    firedAt: eventTimeToIso(a.firedAt),
    resolvedAt: a.resolvedAt ? eventTimeToIso(a.resolvedAt) : null,
    evidence: a.evidence,
    recommendation: a.recommendation,
    link: alarms.linkFor(a),
  });

  app.get('/api/v1/alarms', async (c) => {
    const q = parseQuery(
      z.strictObject({
        state: z.enum(['firing', 'resolved']).optional(),
        asOf: asOfParam,
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
      c.req.query(),
    );
    const projectId = c.get('projectId');
    const asOf = q.asOf ? isoToEventTime(q.asOf) : await latestEventTime(client, projectId);
    const items = await listAlarms(client, { projectId, asOf, state: q.state ?? '', limit: q.limit });
    return c.json({ asOf: eventTimeToIso(asOf), items: items.map(view) });
  });

  app.post('/api/v1/alarms/evaluate', async (c) => {
    const q = parseQuery(z.strictObject({ asOf: asOfParam }), c.req.query());
    const result = await alarms.evaluator.evaluate(
      c.get('projectId'),
      q.asOf ? isoToEventTime(q.asOf) : undefined,
    );
    return c.json({
      asOf: eventTimeToIso(result.asOf),
      fired: result.fired.map(view),
      resolved: result.resolved.map(view),
      unchanged: result.unchanged,
    });
  });

  app.get('/api/v1/alarms/:id/deliveries', async (c) => {
    const items = await listDeliveries(client, {
      projectId: c.get('projectId'),
      alarmId: c.req.param('id'),
      limit: 500,
    });
    return c.json({ items });
  });
  return app;
}
