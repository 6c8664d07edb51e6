import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import { changeCycle, cycleView, registerCycle } from '../analytics/cycle-store';
import { cycleDetail, cycleList } from '../analytics/cycles';
import { isoToEventTime } from '../analytics/time';
import { getCycle, listCycles, patchCycle, postCycle } from '../contract/cycles';
import { resolveAsOf } from './scope';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';
import { snapshotRoute } from './snapshot';

const eventTime = (iso: string | undefined) => (iso ? isoToEventTime(iso) : undefined);

/** Improvement cycles (docs/design.md §6): register, change, list, one with its history, snapshot. */
export function cyclesRoute(client: ClickHouseClient): OpenAPIHono<ApiEnv> {
  const app = contractRouter();
  const noCycle = (id: string) => ({ error: `no cycle ${id}` });

  app.openapi(postCycle, async (c) => {
    const { dataWindow, deployedAt, rolledBackAt, ...fields } = c.req.valid('json');
    const cycle = await registerCycle(client, c.get('projectId'), {
      ...fields,
      windowFrom: isoToEventTime(dataWindow.from),
      windowTo: isoToEventTime(dataWindow.to),
      deployedAt: eventTime(deployedAt),
      rolledBackAt: eventTime(rolledBackAt),
    });
    return c.json({ cycle: cycleView(cycle) }, 201);
  });

  app.openapi(patchCycle, async (c) => {
    const { id } = c.req.valid('param');
    const { deployedAt, rolledBackAt, ...fields } = c.req.valid('json');
    const cycle = await changeCycle(client, c.get('projectId'), id, {
      ...fields,
      deployedAt: eventTime(deployedAt),
      rolledBackAt: eventTime(rolledBackAt),
    });
    return cycle ? c.json({ cycle: cycleView(cycle) }, 200) : c.json(noCycle(id), 404);
  });

  app.openapi(listCycles, async (c) => {
    const { workload, asOf, W } = c.req.valid('query');
    const projectId = c.get('projectId');
    return c.json(
      await cycleList(client, {
        projectId,
        workload: workload ?? '',
        asOf: await resolveAsOf(client, projectId, asOf),
        days: W,
      }),
      200,
    );
  });

  app.openapi(getCycle, async (c) => {
    const { id } = c.req.valid('param');
    const { asOf, W } = c.req.valid('query');
    const projectId = c.get('projectId');
    const detail = await cycleDetail(client, {
      projectId,
      id,
      asOf: await resolveAsOf(client, projectId, asOf),
      days: W,
    });
    return detail ? c.json(detail, 200) : c.json(noCycle(id), 404);
  });

  app.route('/', snapshotRoute(client));
  return app;
}
