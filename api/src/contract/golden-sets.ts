import { createRoute, z } from '@hono/zod-openapi';
import { DEFAULT_LAG_DAYS } from '../analytics/snapshots';
import { GOLDEN_STRATA } from '../queries/golden-sets';
import { apiErrors, count, errorBody, iso, json, jsonBody } from './common';
import { bodyInteger, bodyNumber, isoTime, name, UINT32_MAX } from './ranges';

const STRATUM_NAMES = Object.keys(GOLDEN_STRATA) as [
  keyof typeof GOLDEN_STRATA,
  ...Array<keyof typeof GOLDEN_STRATA>,
];
/** Largest golden set one request may draw. */
export const MAX_GOLDEN_SIZE = 10_000;
export const GOLDEN_DEFAULTS = { size: 200, stratifyBy: [...STRATUM_NAMES] };

export const goldenSetBody = z.strictObject({
  name: name.describe('What offline evals call the set (`goldenSet` of /api/v1/evals); unique per project.'),
  workload: name,
  window: z
    .strictObject({ from: isoTime, to: isoTime })
    .describe('Event-time window of the interactions drawn from, [from, to).'),
  at: isoTime
    .optional()
    .describe("Reviews and corrections as known then. Default: the project's latest event time."),
  lagDays: bodyNumber(0, 365)
    .optional()
    .describe(`Minimum days between the window's end and \`at\` (default ${DEFAULT_LAG_DAYS}).`),
  size: bodyInteger(1, MAX_GOLDEN_SIZE)
    .optional()
    .describe(
      `Members wanted (default ${GOLDEN_DEFAULTS.size}); each stratum gets its share, at least one, so a set may hold a few more.`,
    ),
  stratifyBy: z
    .array(z.enum(STRATUM_NAMES))
    .max(STRATUM_NAMES.length)
    .refine((s) => new Set(s).size === s.length, 'must not repeat a column')
    .optional()
    .describe(
      'Strata of the sample (default all): workload, task_type, language, difficulty (failed_before, long, short).',
    ),
  seed: bodyInteger(0, UINT32_MAX).optional().describe('Orders each stratum before the draw (default 0).'),
});

export const goldenSet = z.object({
  id: z.string(),
  name: z.string(),
  workload: z.string(),
  dataWindow: z.object({ from: iso, to: iso }),
  at: iso,
  lagDays: z.number(),
  stratifyBy: z.array(z.string()),
  seed: count,
  size: count,
});

const keyCounts = z.array(z.object({ key: z.string(), count }));

export const goldenSetDetail = goldenSet.extend({
  counts: z.object({
    bySource: keyCounts.describe(
      'gold: the response passed every review label; correction: a person’s answer',
    ),
    byStratum: keyCounts,
  }),
  evals: z
    .array(
      z.object({
        workload: z.string(),
        modelVersion: z.string(),
        time: iso,
        score: z.number(),
        n: count.nullable(),
      }),
    )
    .describe('Offline evals posted with this set’s name (or id) as goldenSet, newest first'),
  sharedWithOtherGoldenSets: z
    .object({ datasets: z.array(z.string()), sharedKeys: count, requestIds: z.array(z.string()) })
    .nullable(),
});

const params = z.strictObject({ id: name });

export const postGoldenSet = createRoute({
  method: 'post',
  path: '/api/v1/golden-sets',
  operationId: 'postGoldenSet',
  tags: ['Datasets'],
  summary: 'Draw a golden eval set from production',
  description:
    'A stratified sample (workload, task type, language, difficulty) of the window’s interactions whose expected output a person gave or approved: a reviewer’s correction, a user’s correction, or the response every review passed — never the model’s answer alone. Frozen with its expected outputs. Training datasets of the workload leave its members and their near-duplicates out. The same body gives the same set (201, then 200); a name taken by a different draw is refused (400).',
  request: { body: jsonBody(goldenSetBody) },
  responses: {
    201: json(z.object({ goldenSet }), 'Drawn and frozen'),
    200: json(z.object({ goldenSet }), 'Drawn before, with the same inputs'),
    ...apiErrors,
  },
});

export const listGoldenSetsRoute = createRoute({
  method: 'get',
  path: '/api/v1/golden-sets',
  operationId: 'listGoldenSets',
  tags: ['Datasets'],
  summary: 'The project’s golden eval sets',
  responses: { 200: json(z.object({ goldenSets: z.array(goldenSet) }), 'Newest first'), ...apiErrors },
});

export const getGoldenSet = createRoute({
  method: 'get',
  path: '/api/v1/golden-sets/{id}',
  operationId: 'getGoldenSet',
  tags: ['Datasets'],
  summary: 'One golden set, its strata and the evals run on it',
  request: { params },
  responses: {
    200: json(z.object({ goldenSet: goldenSetDetail }), 'The golden set'),
    404: json(errorBody, 'No such golden set in this project'),
    ...apiErrors,
  },
});
