import { createRoute, z } from '@hono/zod-openapi';
import { projectAlertsSchema } from '../alerts/config';
import { apiErrors, count, errorBody, json, jsonBody } from './common';
import { name } from './ranges';

/** A configuration is stored only when every route points at a destination it defines, once. */
export const alertsConfigBody = projectAlertsSchema.superRefine((config, ctx) => {
  const names = config.destinations.map((d) => d.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate)
    ctx.addIssue({
      code: 'custom',
      path: ['destinations'],
      message: `the name '${duplicate}' is used twice`,
    });
  for (const [kind, targets] of Object.entries(config.routes)) {
    const unknown = targets?.find((t) => !names.includes(t));
    if (unknown)
      ctx.addIssue({ code: 'custom', path: ['routes', kind], message: `no destination named '${unknown}'` });
  }
});

const configResponse = json(
  z.object({ config: projectAlertsSchema }),
  'The configuration; secrets, routing keys and secret URL parts masked',
);

export const getAlertsConfig = createRoute({
  method: 'get',
  path: '/api/v1/alerts/config',
  operationId: 'getAlertsConfig',
  tags: ['Alerts'],
  summary: 'Alert destinations, rule thresholds and routes of the project',
  responses: { 200: configResponse, ...apiErrors },
});

export const putAlertsConfig = createRoute({
  method: 'put',
  path: '/api/v1/alerts/config',
  operationId: 'putAlertsConfig',
  tags: ['Alerts'],
  summary: 'Replace the project’s alert configuration',
  description:
    'Masked values sent back unchanged keep what is stored for that destination, so a GET–edit–PUT round trip never needs the secrets.',
  request: { body: jsonBody(alertsConfigBody) },
  responses: { 200: configResponse, ...apiErrors },
});

export const testAlert = createRoute({
  method: 'post',
  path: '/api/v1/alerts/test',
  operationId: 'testAlert',
  tags: ['Alerts'],
  summary: 'Send a test message to one destination',
  request: { body: jsonBody(z.strictObject({ destination: name })) },
  responses: {
    200: json(
      z.object({
        destination: z.string(),
        delivered: z.boolean(),
        attempts: count,
        httpStatus: count,
        error: z.string().nullable(),
      }),
      'The outcome of the delivery, with retries',
    ),
    404: json(errorBody, 'No destination with this name'),
    ...apiErrors,
  },
});
