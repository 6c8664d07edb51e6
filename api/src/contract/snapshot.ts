import { createRoute, z } from '@hono/zod-openapi';
import { DEFAULT_LAG_DAYS } from '../analytics/snapshots';
import { apiErrors, errorBody, iso, json, jsonBody } from './common';
import { bodyNumber, isoTime, queryNumber } from './ranges';
import { cycleParams, trainingVolume } from './cycles';

const MAX_LAG_DAYS = 365;

export const snapshotBody = z.strictObject({
  at: isoTime.optional().describe("Snapshot time; default the project's latest event time."),
  lagDays: bodyNumber(0, MAX_LAG_DAYS)
    .optional()
    .describe(`Minimum days between the window's end and the snapshot (default ${DEFAULT_LAG_DAYS}).`),
});

export const snapshotResponse = z.object({
  snapshot: z.object({
    id: z.string(),
    cycleId: z.string(),
    at: iso,
    lagDays: z.number(),
    dataWindow: z.object({ from: iso, to: iso }),
    trainingVolume,
  }),
});

export const postSnapshot = createRoute({
  method: 'post',
  path: '/api/v1/cycles/{id}/snapshot',
  operationId: 'postSnapshot',
  tags: ['Cycles'],
  summary: 'Freeze the cycle’s training examples',
  description:
    'Freezes the gold (reviewed, every label passing) and gate-passed (not failed by a reviewer) interactions of the cycle’s data window as of the snapshot time. Refuses with 409 when the window ends less than lagDays before the snapshot time. The body is optional; lagDays may also be a query parameter (the body wins).',
  request: {
    params: cycleParams,
    query: z.strictObject({ lagDays: queryNumber(0, MAX_LAG_DAYS).optional() }),
    body: jsonBody(snapshotBody, false),
  },
  responses: {
    201: json(snapshotResponse, 'The snapshot and its size by source'),
    404: json(errorBody, 'No such cycle in this project'),
    409: json(errorBody, 'The data window breaks the lag'),
    ...apiErrors,
  },
});
