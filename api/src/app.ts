import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { BlankEnv } from 'hono/types';
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
import { postSignals } from './contract/signals';
import type { ExampleEmbeddings } from './curation/example-embeddings';
import { allowedHostsGuard } from './guards/allowed-hosts';
import { bodyLimits } from './guards/body-limits';
import { NOT_JSON, stateChangingGuard } from './guards/writes';
import { openApiDocument } from './openapi/document';
import { alarmsRoute } from './routes/alarms';
import { alertsRoute } from './routes/alerts';
import { analyticsRoute } from './routes/analytics';
import { dashboardRoute } from './routes/dashboard';
import { healthRoute } from './routes/health';
import { gateRoute } from './routes/gate';
import { interactionsRoute } from './routes/interactions';
import { openApiRoute } from './routes/openapi';
import { tracesRoute } from './routes/traces';
import { contractRouter, validationHook } from './routes/validation';

export interface ApiOptions {
  client: ClickHouseClient;
  keys: KeyRing;
  writer: BatchWriter<Rows>;
  counters: IngestCounters;
  /** The built dashboard (default: `dashboard/dist` of this repository). */
  dashboardDir?: string;
  /** Alarm evaluator, alert settings and notifier; created with defaults when absent. */
  alarms?: AlarmServices;
  /** Host names served besides loopback ones (docs/security.md); without keys only these and loopback are. */
  allowedHosts?: readonly string[];
  /** The embedded engine's data directory, whose writability and free space /healthz checks. */
  dataDir?: string;
  /** Free space below which /healthz reports the data directory's disk nearly full. */
  minFreeDiskBytes?: number;
  /** Gold-example embeddings (FLYWHEEL_EMBEDDINGS_URL); without them few-shot search is lexical. */
  embeddings?: ExampleEmbeddings;
}

/** Served by the collector's route, with rules of its own: any origin (CORS), its own body limits. */
const SIGNALS_PATH = postSignals.path;

/** What the request validators' own refusals say: the JSON does not parse, or the body is not JSON. */
const VALIDATOR_ERRORS: Record<number, string> = {
  400: 'body must be valid JSON',
  415: NOT_JSON,
};

/**
 * The HTTP API: health, the signals endpoint for browsers, and the read and write endpoints scoped to a
 * project. Every route is described once in api/src/contract: validated by it on the way in, typed by
 * it on the way out, and listed in the OpenAPI document generated from it.
 */
export function createApiApp(options: ApiOptions): OpenAPIHono<BlankEnv> {
  const app = new OpenAPIHono<BlankEnv>({ defaultHook: validationHook });
  // Before any route: which hosts are served, what may change data, how large a body may be.
  const allowedHosts = options.allowedHosts ?? [];
  app.use('*', allowedHostsGuard({ open: options.keys.open, allowedHosts }));
  app.use('*', stateChangingGuard({ open: options.keys.open, allowedHosts, exempt: [SIGNALS_PATH] }));
  app.use('*', bodyLimits([SIGNALS_PATH]));
  app.route(
    '/',
    healthRoute(options.client, options.writer, options.counters, {
      dataDir: options.dataDir,
      minFreeDiskBytes: options.minFreeDiskBytes,
    }),
  );
  app.route('/', signalsRoute({ keys: options.keys, writer: options.writer, counters: options.counters }));
  // Served by the collector (a plain Hono app), so its description is registered here.
  app.openAPIRegistry.registerPath(postSignals);

  const api = contractRouter();
  api.use('/api/v1/*', async (c, next) => {
    c.set('projectId', authenticate(options.keys, c.req.header('authorization')));
    await next();
  });
  api.route('/', interactionsRoute(options.client));
  api.route('/', tracesRoute(options.client));
  api.route('/', gateRoute(options.client));
  const alarms = options.alarms ?? createAlarmServices(options.client);
  api.route('/', analyticsRoute(options.client, alarms.settings, options.embeddings));
  api.route('/', alarmsRoute(options.client, alarms));
  api.route('/', alertsRoute(alarms));
  app.route('/', api);
  app.route(
    '/',
    openApiRoute(() => openApiDocument(app)),
  );
  // Last: it answers every other GET with the dashboard, so it must not shadow an API route.
  app.route('/', dashboardRoute(options.dashboardDir ? { dir: options.dashboardDir } : {}));

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      if (error.res) return error.getResponse();
      // Thrown without a response only by the request validators: in the API's error shape instead.
      return c.json({ error: VALIDATOR_ERRORS[error.status] ?? error.message }, error.status);
    }
    if (error instanceof UnauthorizedError) return c.json({ error: error.message }, 401);
    console.error('flywheel api error', error);
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));
  return app;
}
