import { Hono } from 'hono';
import { z } from 'zod';
import type { AlarmServices } from '../alarms/services';
import { msToEventTime } from '../alarms/time';
import { maskSecrets, projectAlertsSchema, unmaskSecrets } from '../alerts/config';
import { parseBody } from './validation';
import type { ApiEnv } from './env';

/** `GET|PUT /api/v1/alerts/config` (secrets never leave the server) and `POST /api/v1/alerts/test`. */
export function alertsRoute(alarms: AlarmServices): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  app.get('/api/v1/alerts/config', async (c) => {
    return c.json({ config: maskSecrets(await alarms.settings.forProject(c.get('projectId'))) });
  });

  app.put('/api/v1/alerts/config', async (c) => {
    const projectId = c.get('projectId');
    const incoming = await parseBody(c, projectAlertsSchema);
    const names = incoming.destinations.map((d) => d.name);
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate) return c.json({ error: `destinations: the name '${duplicate}' is used twice` }, 400);
    for (const [kind, targets] of Object.entries(incoming.routes)) {
      const unknown = targets?.find((t) => !names.includes(t));
      if (unknown) return c.json({ error: `routes.${kind}: no destination named '${unknown}'` }, 400);
    }
    const config = unmaskSecrets(incoming, await alarms.settings.forProject(projectId));
    await alarms.settings.save(projectId, config);
    return c.json({ config: maskSecrets(config) });
  });

  app.post('/api/v1/alerts/test', async (c) => {
    const projectId = c.get('projectId');
    const { destination: name } = await parseBody(c, z.strictObject({ destination: z.string().min(1) }));
    const destination = (await alarms.settings.forProject(projectId)).destinations.find(
      (d) => d.name === name,
    );
    if (!destination) return c.json({ error: `destination: no destination named '${name}'` }, 404);
    const now = msToEventTime(Date.now());
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
    return c.json({
      destination: name,
      delivered: result.ok,
      attempts: result.attempt,
      httpStatus: result.httpStatus,
      error: result.error || null,
    });
  });
  return app;
}
