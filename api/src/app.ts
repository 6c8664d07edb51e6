import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  authenticate,
  signalsRoute,
  UnauthorizedError,
  type BatchWriter,
  type IngestCounters,
  type KeyRing,
  type Rows,
} from '@flywheel/collector';
import type { ClickHouseClient } from '@flywheel/storage';
import { createAlarmServices, type AlarmServices } from './alarms/services';
import { alarmsRoute } from './routes/alarms';
import { alertsRoute } from './routes/alerts';
import { analyticsRoute } from './routes/analytics';
import { dashboardRoute } from './routes/dashboard';
import { healthRoute } from './routes/health';
import { gateRoute } from './routes/gate';
import { interactionsRoute } from './routes/interactions';
import { openApiRoute } from './routes/openapi';
import type { ApiEnv } from './routes/env';

export interface ApiOptions {
  client: ClickHouseClient;
  keys: KeyRing;
  writer: BatchWriter<Rows>;
  counters: IngestCounters;
  /** The built dashboard (default: `dashboard/dist` of this repository). */
  dashboardDir?: string;
  /** Alarm evaluator, alert settings and notifier; created with defaults when absent. */
  alarms?: AlarmServices;
}

/** The HTTP API: health, the signals endpoint for browsers, and the read endpoints scoped to a project. */
export function createApiApp(options: ApiOptions): Hono {
  const app = new Hono();
  app.route('/', healthRoute(options.client, options.writer, options.counters));
  app.route('/', signalsRoute({ keys: options.keys, writer: options.writer, counters: options.counters }));

  const api = new Hono<ApiEnv>();
  api.use('/api/v1/*', async (c, next) => {
    c.set('projectId', authenticate(options.keys, c.req.header('authorization')));
    await next();
  });
  api.route('/', interactionsRoute(options.client));
  api.route('/', gateRoute(options.client));
  api.route('/', analyticsRoute(options.client));
  const alarms = options.alarms ?? createAlarmServices(options.client);
  api.route('/', alarmsRoute(options.client, alarms));
  api.route('/', alertsRoute(alarms));
  app.route('/', api);
  app.route('/', openApiRoute());
  // Last: it answers every other GET with the dashboard, so it must not shadow an API route.
  app.route('/', dashboardRoute(options.dashboardDir ? { dir: options.dashboardDir } : {}));

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof UnauthorizedError) return c.json({ error: error.message }, 401);
    console.error('flywheel api error', error);
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
