import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AlarmServices } from '../alarms/services';
import { nowEventTime } from '../analytics/time';
import { maskSecrets, unmaskSecrets } from '../alerts/config';
import { getAlertsConfig, putAlertsConfig, testAlert } from '../contract/alerts';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** `GET|PUT /api/v1/alerts/config` (secrets never leave the server) and `POST /api/v1/alerts/test`. */
export function alertsRoute(alarms: AlarmServices): OpenAPIHono<ApiEnv> {
  const app = contractRouter();

  app.openapi(getAlertsConfig, async (c) =>
    c.json({ config: maskSecrets(await alarms.settings.forProject(c.get('projectId'))) }, 200),
  );

  app.openapi(putAlertsConfig, async (c) => {
    const projectId = c.get('projectId');
    const config = unmaskSecrets(c.req.valid('json'), await alarms.settings.forProject(projectId));
    await alarms.settings.save(projectId, config);
    return c.json({ config: maskSecrets(config) }, 200);
  });

  app.openapi(testAlert, async (c) => {
    const projectId = c.get('projectId');
    const { destination: name } = c.req.valid('json');
    const destination = (await alarms.settings.forProject(projectId)).destinations.find(
      (d) => d.name === name,
    );
    if (!destination) return c.json({ error: `destination: no destination named '${name}'` }, 404);
    const now = nowEventTime();
    const result = await alarms.notifier.test(projectId, destination, {
      id: `test-${Date.now()}`,
      projectId,
      kind: 'regression_after_deploy',
      severity: 'warning',
      workloadId: 'test',
      modelVersion: '',
      state: 'firing',
      firedAt: now,
      resolvedAt: null,
      evaluatedAt: now,
      evidence: { note: 'This is a test message from Flywheel.' },
      recommendation: 'Nothing to do: this checks that alerts reach you.',
    });
    return c.json(
      {
        destination: name,
        delivered: result.ok,
        attempts: result.attempt,
        httpStatus: result.httpStatus,
        error: result.error || null,
      },
      200,
    );
  });
  return app;
}
