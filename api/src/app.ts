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
import { healthRoute } from './routes/health';
import { gateRoute } from './routes/gate';
import { interactionsRoute } from './routes/interactions';
import type { ApiEnv } from './routes/env';

export interface ApiOptions {
  client: ClickHouseClient;
  keys: KeyRing;
  writer: BatchWriter<Rows>;
  counters: IngestCounters;
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
  app.route('/', api);

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof UnauthorizedError) return c.json({ error: error.message }, 401);
    console.error('flywheel api error', error);
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
