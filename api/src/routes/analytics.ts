import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ClickHouseClient } from '@flywheel/storage';
import type { AlertSettings } from '../alerts/settings';
import type { ExampleEmbeddings } from '../curation/example-embeddings';
import { checksRoute } from './feedback-checks';
import { compareRoute } from './compare';
import { cyclesRoute } from './cycles';
import { datasetsRoute } from './datasets';
import { examplesRoute } from './examples';
import { goldenSetsRoute } from './golden-sets';
import { labelsRoute } from './labels';
import { reviewAgreementRoute } from './review-agreement';
import { reviewQueueRoute } from './review-queue';
import { signalMixRoute } from './signal-mix';
import { velocityRoute } from './velocity';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** The analytics endpoints (velocity, signal mix, version comparison, cycles, labels, checks, datasets, review queue), mounted behind the API's auth middleware. */
export function analyticsRoute(
  client: ClickHouseClient,
  alertSettings: AlertSettings,
  embeddings?: ExampleEmbeddings,
): OpenAPIHono<ApiEnv> {
  const app = contractRouter();
  app.route('/', velocityRoute(client));
  app.route('/', signalMixRoute(client));
  app.route('/', compareRoute(client));
  app.route('/', cyclesRoute(client));
  app.route('/', labelsRoute(client, embeddings));
  app.route('/', checksRoute(client, alertSettings));
  app.route('/', datasetsRoute(client));
  app.route('/', reviewQueueRoute(client));
  app.route('/', reviewAgreementRoute(client));
  app.route('/', goldenSetsRoute(client));
  app.route('/', examplesRoute(client, embeddings));
  return app;
}
