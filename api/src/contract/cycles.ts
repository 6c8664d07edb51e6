import { createRoute, z } from '@hono/zod-openapi';
import { isoToMicros } from '../analytics/time';
import { CYCLE_STATUSES } from '../queries/cycles';
import { apiErrors, count, deltaDays, errorBody, iso, json, jsonBody, scopeQuery } from './common';
import { isoTime, name, text } from './ranges';

const status = z.enum(CYCLE_STATUSES);
const notes = text(10_000);

export const cycleRegistration = z.strictObject({
  id: name.optional().describe('Stable id; generated when absent. Re-posting the same id updates the cycle.'),
  workloadId: name,
  modelVersion: name,
  parentVersion: name.optional(),
  dataWindow: z
    .strictObject({ from: isoTime, to: isoTime })
    .refine((w) => isoToMicros(w.from) < isoToMicros(w.to), {
      // Only once both times are well formed: a malformed one is reported by its own field.
      when: (payload) => payload.issues.length === 0,
      path: ['from'],
      message: 'must be before dataWindow.to',
    })
    .describe('The interactions the cycle trains on, [from, to)'),
  status: status.optional().describe("Default 'collecting' for a new cycle."),
  deployedAt: isoTime.optional(),
  rolledBackAt: isoTime.optional(),
  notes: notes.optional(),
});

export const cycleChange = z.strictObject({
  status: status
    .optional()
    .describe("Moving to 'deployed' or 'rolled_back' without a time stamps the latest event time."),
  deployedAt: isoTime.optional(),
  rolledBackAt: isoTime.optional(),
  parentVersion: name.optional(),
  notes: notes.optional(),
});

export const cycleParams = z.strictObject({ id: name });
export const cycleListQuery = z.strictObject({
  workload: scopeQuery.workload,
  asOf: scopeQuery.asOf,
  W: deltaDays.describe('Days after (version) and before (parent) the deploy.'),
});
export const cycleQuery = cycleListQuery.omit({ workload: true });

const cycleBase = z.object({
  id: z.string(),
  workloadId: z.string(),
  modelVersion: z.string(),
  parentVersion: z.string().nullable(),
  status,
  dataWindow: z.object({ from: iso, to: iso }),
  deployedAt: iso.nullable(),
  rolledBackAt: iso.nullable(),
  notes: z.string(),
});
const storedCycle = cycleBase.extend({ version: count.describe('Write sequence of this state') });

export const trainingVolume = z.object({ total: count, gold: count, gatePassed: count, correction: count });

export const cycleReport = cycleBase.extend({
  trainingVolume,
  snapshot: z.object({ id: z.string(), at: iso }).nullable(),
  onlineDelta: z
    .object({
      delta: z
        .number()
        .describe('Success rate of the version in its first W days minus the parent’s in its last W'),
      ci: z.tuple([z.number(), z.number()]).describe('Newcombe hybrid score 95% interval'),
      significant: z.boolean(),
      n: z.object({ version: count, parent: count }),
      successRate: z.object({ version: z.number(), parent: z.number() }),
      windowClosed: z.boolean(),
    })
    .nullable(),
  offlineDelta: z.number().nullable(),
  timeToImprovementDays: z.number().nullable(),
  inHealthyBand: z.boolean().nullable(),
});

export const cycleResponse = z.object({ cycle: storedCycle });
export const cycleListResponse = z.object({ asOf: iso, W: count, items: z.array(cycleReport) });
export const cycleDetailResponse = z.object({
  asOf: iso,
  W: count,
  cycle: cycleReport.nullable(),
  history: z.array(storedCycle.extend({ writtenAt: z.string() })).describe('Every state, oldest first'),
});

const noCycle = json(errorBody, 'No such cycle in this project');

export const postCycle = createRoute({
  method: 'post',
  path: '/api/v1/cycles',
  operationId: 'postCycle',
  tags: ['Cycles'],
  summary: 'Register or update an improvement cycle',
  description: 'Idempotent upsert by id: fields present replace the stored ones, absent ones are kept.',
  request: { body: jsonBody(cycleRegistration) },
  responses: { 201: json(cycleResponse, 'The cycle as stored'), ...apiErrors },
});

export const patchCycle = createRoute({
  method: 'patch',
  path: '/api/v1/cycles/{id}',
  operationId: 'patchCycle',
  tags: ['Cycles'],
  summary: 'Change a cycle’s status, deploy or rollback time, parent or notes',
  description: 'Every change is kept as a new version of the cycle (see GET /api/v1/cycles/{id}).',
  request: { params: cycleParams, body: jsonBody(cycleChange) },
  responses: { 200: json(cycleResponse, 'The cycle as stored'), 404: noCycle, ...apiErrors },
});

export const listCycles = createRoute({
  method: 'get',
  path: '/api/v1/cycles',
  operationId: 'listCycles',
  tags: ['Cycles'],
  summary: 'Cycles with training volume, online and offline deltas, time to improvement',
  request: { query: cycleListQuery },
  responses: { 200: json(cycleListResponse, 'Cycles, oldest data window first'), ...apiErrors },
});

export const getCycle = createRoute({
  method: 'get',
  path: '/api/v1/cycles/{id}',
  operationId: 'getCycle',
  tags: ['Cycles'],
  summary: 'One cycle with its metrics and the history of its states',
  request: { params: cycleParams, query: cycleQuery },
  responses: { 200: json(cycleDetailResponse, 'The cycle'), 404: noCycle, ...apiErrors },
});
