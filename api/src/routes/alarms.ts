import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import type { AlarmServices } from '../alarms/services';
import type { Alarm } from '../alarms/types';
import { eventTimeToIso, isoToEventTime } from '../analytics/time';
import { evaluateAlarms, getAlarm, listAlarms, listDeliveries } from '../contract/alarms';
import {
  getAlarm as storedAlarm,
  listAlarms as storedAlarms,
  listDeliveries as storedDeliveries,
} from '../queries/alarms';
import { resolveAsOf } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

const MAX_PENDING_EVALUATIONS = 1;
const RETRY_EVALUATION_SECONDS = 5;

/**
 * `GET /api/v1/alarms`, `GET /api/v1/alarms/{id}`, `POST /api/v1/alarms/evaluate`,
 * `GET /api/v1/alarms/{id}/deliveries`.
 */
export function alarmsRoute(client: ClickHouseClient, alarms: AlarmServices): OpenAPIHono<ApiEnv> {
  const app = contractRouter();
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

  app.openapi(listAlarms, async (c) => {
    const { state, asOf, limit } = c.req.valid('query');
    const projectId = c.get('projectId');
    const at = await resolveAsOf(client, projectId, asOf);
    const items = await storedAlarms(client, { projectId, asOf: at, state: state ?? '', limit });
    return c.json({ asOf: eventTimeToIso(at), items: items.map(view) }, 200);
  });

  // An alert's link names its alarm: it must open whenever the alarm fired and whatever the list's limit.
  app.openapi(getAlarm, async (c) => {
    const { asOf } = c.req.valid('query');
    const projectId = c.get('projectId');
    const at = await resolveAsOf(client, projectId, asOf);
    const found = await storedAlarm(client, { projectId, id: c.req.valid('param').id, asOf: at });
    if (!found) return c.json({ error: 'id: no alarm with this id' }, 404);
    return c.json({ asOf: eventTimeToIso(at), alarm: view(found) }, 200);
  });

  app.openapi(evaluateAlarms, async (c) => {
    const { asOf } = c.req.valid('query');
    // One at a time, refused rather than queued: a queue behind a slow evaluation only grows.
    if (alarms.evaluator.pending(c.get('projectId')) >= MAX_PENDING_EVALUATIONS) {
      c.header('retry-after', String(RETRY_EVALUATION_SECONDS));
      return c.json({ error: 'an evaluation of this project is running; retry later' }, 429);
    }
    const result = await alarms.evaluator.evaluate(
      c.get('projectId'),
      asOf ? isoToEventTime(asOf) : undefined,
    );
    return c.json(
      {
        asOf: eventTimeToIso(result.asOf),
        fired: result.fired.map(view),
        resolved: result.resolved.map(view),
        unchanged: result.unchanged,
      },
      200,
    );
  });

  app.openapi(listDeliveries, async (c) => {
    const items = await storedDeliveries(client, {
      projectId: c.get('projectId'),
      alarmId: c.req.valid('param').id,
      limit: 500,
    });
    return c.json({ items }, 200);
  });
  return app;
}
