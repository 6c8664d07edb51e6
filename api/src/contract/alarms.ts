import { createRoute, z } from '@hono/zod-openapi';
import { ALARM_KINDS } from '../alarms/types';
import { apiErrors, count, errorBody, iso, json } from './common';
import { isoTime, name, queryInteger } from './ranges';

const asOf = isoTime.optional().describe("Default: the project's latest event time.");

export const alarmsQuery = z.strictObject({
  state: z.enum(['firing', 'resolved']).optional(),
  asOf,
  limit: queryInteger(1, 1000).default(200),
});

export const alarm = z.object({
  id: z.string(),
  kind: z.enum(ALARM_KINDS),
  severity: z.enum(['critical', 'warning']),
  workloadId: z.string(),
  modelVersion: z.string().nullable().describe('null when the alarm is about the workload'),
  state: z.enum(['firing', 'resolved']),
  firedAt: iso,
  resolvedAt: iso.nullable(),
  evidence: z.record(z.string(), z.unknown()).describe('The numbers the rule fired on'),
  recommendation: z.string(),
  link: z.string().describe('The dashboard view of the alarm'),
});

export const listAlarms = createRoute({
  method: 'get',
  path: '/api/v1/alarms',
  operationId: 'listAlarms',
  tags: ['Alarms'],
  summary: 'Alarms as of an event time, newest first',
  request: { query: alarmsQuery },
  responses: {
    200: json(z.object({ asOf: iso, items: z.array(alarm) }), 'Alarms fired by asOf'),
    ...apiErrors,
  },
});

export const getAlarm = createRoute({
  method: 'get',
  path: '/api/v1/alarms/{id}',
  operationId: 'getAlarm',
  tags: ['Alarms'],
  summary: 'One alarm by id, whenever it fired',
  description:
    'What an alert’s link opens: the alarm with its state as of asOf, its evidence and recommendation. 404 when the project has no alarm with this id.',
  request: { params: z.strictObject({ id: name }), query: z.strictObject({ asOf }) },
  responses: {
    200: json(z.object({ asOf: iso, alarm }), 'The alarm'),
    404: json(errorBody, 'No alarm with this id in the project'),
    ...apiErrors,
  },
});

export const evaluateAlarms = createRoute({
  method: 'post',
  path: '/api/v1/alarms/evaluate',
  operationId: 'evaluateAlarms',
  tags: ['Alarms'],
  summary: 'Run every alarm rule now (docs/design.md §8)',
  description:
    'What the schedule does, on demand: fires new alarms, resolves cleared ones and notifies the destinations. With asOf, evaluates as of that event time (backfills, simulations).',
  request: { query: z.strictObject({ asOf }) },
  responses: {
    200: json(
      z.object({
        asOf: iso,
        fired: z.array(alarm),
        resolved: z.array(alarm),
        unchanged: count.describe('Alarms still firing'),
      }),
      'What changed',
    ),
    429: json(errorBody, 'An evaluation of the project is running; retry after Retry-After'),
    ...apiErrors,
  },
});

export const listDeliveries = createRoute({
  method: 'get',
  path: '/api/v1/alarms/{id}/deliveries',
  operationId: 'listDeliveries',
  tags: ['Alarms'],
  summary: 'Delivery attempts of one alarm’s notifications, newest first',
  request: { params: z.strictObject({ id: name }) },
  responses: {
    200: json(
      z.object({
        items: z.array(
          z.object({
            projectId: z.string(),
            alarmId: z.string(),
            destination: z.string(),
            channel: z.string(),
            action: z.string(),
            attempt: count,
            status: z.enum(['delivered', 'failed', 'retrying']),
            httpStatus: count,
            error: z.string(),
            sentAt: z.string(),
          }),
        ),
      }),
      'Attempts; the last 500',
    ),
    ...apiErrors,
  },
});
