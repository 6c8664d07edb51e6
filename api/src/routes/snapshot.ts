import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { ClickHouseClient } from '@flywheel/storage';
import { gateConfigFor } from '../analytics/gate-settings';
import { addDays, daysBetween, eventTimeToIso, isoToEventTime } from '../analytics/time';
import { latestEventTime } from '../queries/as-of';
import { currentCycles } from '../queries/cycles';
import { createSnapshot } from '../queries/snapshot';
import type { Operation } from '../openapi/operation';
import { snapshotResponse } from '../openapi/responses';
import { isoTime } from './scope';
import { parseBody, parseQuery } from './validation';
import type { ApiEnv } from './env';

/** docs/design.md §6: the data window must end at least this long before the snapshot is cut. */
export const DEFAULT_LAG_DAYS = 14;

const lagDays = z.coerce.number().min(0).max(365);
const body = z.strictObject({
  at: isoTime.optional().describe("Snapshot time; default the project's latest event time."),
  lagDays: lagDays
    .optional()
    .describe(`Minimum days between the window's end and the snapshot (default ${DEFAULT_LAG_DAYS}).`),
});
const query = z.strictObject({ lagDays: lagDays.optional() });
const params = z.strictObject({ id: z.string().min(1).max(200) });

export const snapshotOperation: Operation = {
  method: 'post',
  path: '/api/v1/cycles/{id}/snapshot',
  tag: 'Cycles',
  summary: 'Freeze the cycle’s training examples',
  description:
    'Freezes the gold (reviewed, every label passing) and gate-passed (not failed by a reviewer) interactions of the cycle’s data window as of the snapshot time. Refuses with 409 when the window ends less than lagDays before the snapshot time. The body is optional; lagDays may also be a query parameter (the body wins).',
  params,
  query,
  body,
  responses: {
    201: { description: 'The snapshot and its size by source', schema: snapshotResponse },
    404: { description: 'No such cycle in this project' },
    409: { description: 'The data window breaks the lag' },
  },
};

export function snapshotRoute(client: ClickHouseClient): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.post('/api/v1/cycles/:id/snapshot', async (c) => {
    const { id } = parseQuery(params, c.req.param());
    const q = parseQuery(query, c.req.query());
    // An empty body means "all defaults".
    const b = (await c.req.text()).trim() === '' ? {} : await parseBody(c, body);
    const projectId = c.get('projectId');
    const [cycle] = await currentCycles(client, projectId, { ids: [id] });
    if (!cycle)
      throw new HTTPException(404, { res: Response.json({ error: `no cycle ${id}` }, { status: 404 }) });
    const at = b.at ? isoToEventTime(b.at) : await latestEventTime(client, projectId);
    const lag = b.lagDays ?? q.lagDays ?? DEFAULT_LAG_DAYS;
    const latestEnd = addDays(at, -lag);
    if (cycle.windowTo > latestEnd) {
      const gap = daysBetween(cycle.windowTo, at);
      const message =
        `the data window of cycle ${id} ends at ${eventTimeToIso(cycle.windowTo)}, ${gap.toFixed(1)} days before the snapshot time ${eventTimeToIso(at)}; ` +
        `the lag requires at least ${lag} days (a window ending by ${eventTimeToIso(latestEnd)}), so wait or pass a smaller lagDays`;
      throw new HTTPException(409, { res: Response.json({ error: message }, { status: 409 }) });
    }
    const datasetId = `${id}@${eventTimeToIso(at)}`;
    const counts = await createSnapshot(client, {
      projectId,
      cycleId: id,
      datasetId,
      workload: cycle.workloadId,
      from: cycle.windowFrom,
      to: cycle.windowTo,
      at,
      lagDays: lag,
      config: await gateConfigFor(client, projectId, cycle.workloadId),
    });
    return c.json(
      {
        snapshot: {
          id: datasetId,
          cycleId: id,
          at: eventTimeToIso(at),
          lagDays: lag,
          dataWindow: { from: eventTimeToIso(cycle.windowFrom), to: eventTimeToIso(cycle.windowTo) },
          trainingVolume: counts,
        },
      },
      201,
    );
  });
  return app;
}
