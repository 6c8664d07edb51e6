import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { ClickHouseClient } from '@flywheel/storage';
import { cycleReports } from '../analytics/cycles';
import { gateConfigFor } from '../analytics/gate-settings';
import { eventTimeToIso, isoToEventTime } from '../analytics/time';
import { latestEventTime } from '../queries/as-of';
import {
  CYCLE_STATUSES,
  currentCycles,
  cycleHistory,
  writeCycle,
  type CycleState,
  type StoredCycle,
} from '../queries/cycles';
import type { Operation } from '../openapi/operation';
import { cycleListResponse, cycleOneResponse, cycleResponse } from '../openapi/responses';
import { badRequest, isoTime, scopeQuery } from './scope';
import { parseBody, parseQuery } from './validation';
import type { ApiEnv } from './env';
import { snapshotOperation, snapshotRoute } from './snapshot';

const name = z.string().min(1).max(200);
const status = z.enum(CYCLE_STATUSES);
const createBody = z.strictObject({
  id: name.optional().describe('Stable id; generated when absent. Re-posting the same id updates the cycle.'),
  workloadId: name,
  modelVersion: name,
  parentVersion: name.optional(),
  dataWindow: z.strictObject({ from: isoTime, to: isoTime }),
  status: status.optional().describe("Default 'collecting' for a new cycle."),
  deployedAt: isoTime.optional(),
  rolledBackAt: isoTime.optional(),
  notes: z.string().max(10_000).optional(),
});
const patchBody = z.strictObject({
  status: status.optional(),
  deployedAt: isoTime.optional(),
  rolledBackAt: isoTime.optional(),
  parentVersion: name.optional(),
  notes: z.string().max(10_000).optional(),
});
const idParams = z.strictObject({ id: name });
const listQuery = z.strictObject({
  workload: scopeQuery.workload,
  asOf: scopeQuery.asOf,
  W: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .default(7)
    .describe('Days after (version) and before (parent) the deploy.'),
});

export function cycleView(cycle: StoredCycle) {
  return {
    id: cycle.id,
    workloadId: cycle.workloadId,
    modelVersion: cycle.modelVersion,
    parentVersion: cycle.parentVersion || null,
    status: cycle.status,
    dataWindow: { from: eventTimeToIso(cycle.windowFrom), to: eventTimeToIso(cycle.windowTo) },
    deployedAt: cycle.deployedAt === null ? null : eventTimeToIso(cycle.deployedAt),
    rolledBackAt: cycle.rolledBackAt === null ? null : eventTimeToIso(cycle.rolledBackAt),
    notes: cycle.notes,
    version: cycle.version,
  };
}

const same = (stored: StoredCycle, next: CycleState) =>
  (Object.keys(next) as Array<keyof CycleState>).every((k) => stored[k] === next[k]);

/**
 * Writes the state unless it equals the current one (so retries add no history). Moving to `deployed`
 * or `rolled_back` without a time stamps the project's latest event time: event time, not wall clock.
 */
async function save(
  client: ClickHouseClient,
  projectId: string,
  next: CycleState,
  current?: StoredCycle,
): Promise<StoredCycle> {
  if (
    (next.status === 'deployed' && !next.deployedAt) ||
    (next.status === 'rolled_back' && !next.rolledBackAt)
  ) {
    const latest = await latestEventTime(client, projectId);
    if (next.status === 'deployed') next.deployedAt = latest;
    else next.rolledBackAt = latest;
  }
  if (current && same(current, next)) return current;
  // Versions order writes; wall-clock microseconds keep them increasing across processes.
  const version = Math.max(Date.now() * 1000, (current?.version ?? 0) + 1);
  await writeCycle(client, projectId, next, version);
  return { ...next, version, writtenAt: '' };
}

export const cycleOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/cycles',
    tag: 'Cycles',
    summary: 'Register or update an improvement cycle',
    description: 'Idempotent upsert by id: fields present replace the stored ones, absent ones are kept.',
    body: createBody,
    responses: { 201: { description: 'The cycle as stored', schema: cycleResponse } },
  },
  {
    method: 'patch',
    path: '/api/v1/cycles/{id}',
    tag: 'Cycles',
    summary: 'Change a cycle’s status, deploy or rollback time, parent or notes',
    description: 'Every change is kept as a new version of the cycle (see GET /api/v1/cycles/{id}).',
    params: idParams,
    body: patchBody,
    responses: {
      200: { description: 'The cycle as stored', schema: cycleResponse },
      404: { description: 'No such cycle in this project' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/cycles',
    tag: 'Cycles',
    summary: 'Cycles with training volume, online and offline deltas, time to improvement',
    query: listQuery,
    responses: { 200: { description: 'Cycles, oldest data window first', schema: cycleListResponse } },
  },
  {
    method: 'get',
    path: '/api/v1/cycles/{id}',
    tag: 'Cycles',
    summary: 'One cycle with its metrics and the history of its states',
    params: idParams,
    query: listQuery.omit({ workload: true }),
    responses: {
      200: { description: 'The cycle', schema: cycleOneResponse },
      404: { description: 'No such cycle in this project' },
    },
  },
  snapshotOperation,
];

export function cyclesRoute(client: ClickHouseClient): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const notFound = (id: string) =>
    new HTTPException(404, { res: Response.json({ error: `no cycle ${id}` }, { status: 404 }) });

  app.post('/api/v1/cycles', async (c) => {
    const body = await parseBody(c, createBody);
    const projectId = c.get('projectId');
    const from = isoToEventTime(body.dataWindow.from);
    const to = isoToEventTime(body.dataWindow.to);
    if (from >= to) badRequest('dataWindow.from: must be before dataWindow.to');
    const id = body.id ?? randomUUID();
    const [current] = await currentCycles(client, projectId, { ids: [id] });
    const next: CycleState = {
      id,
      workloadId: body.workloadId,
      modelVersion: body.modelVersion,
      parentVersion: body.parentVersion ?? current?.parentVersion ?? '',
      windowFrom: from,
      windowTo: to,
      status: body.status ?? current?.status ?? 'collecting',
      deployedAt: body.deployedAt ? isoToEventTime(body.deployedAt) : (current?.deployedAt ?? null),
      rolledBackAt: body.rolledBackAt ? isoToEventTime(body.rolledBackAt) : (current?.rolledBackAt ?? null),
      notes: body.notes ?? current?.notes ?? '',
    };
    return c.json({ cycle: cycleView(await save(client, projectId, next, current)) }, 201);
  });

  app.patch('/api/v1/cycles/:id', async (c) => {
    const { id } = parseQuery(idParams, c.req.param());
    const body = await parseBody(c, patchBody);
    const projectId = c.get('projectId');
    const [current] = await currentCycles(client, projectId, { ids: [id] });
    if (!current) throw notFound(id);
    const { version: _v, writtenAt: _w, ...state } = current;
    const next: CycleState = {
      ...state,
      ...(body.status ? { status: body.status } : {}),
      ...(body.deployedAt ? { deployedAt: isoToEventTime(body.deployedAt) } : {}),
      ...(body.rolledBackAt ? { rolledBackAt: isoToEventTime(body.rolledBackAt) } : {}),
      ...(body.parentVersion ? { parentVersion: body.parentVersion } : {}),
      ...(body.notes !== undefined ? { notes: body.notes } : {}),
    };
    return c.json({ cycle: cycleView(await save(client, projectId, next, current)) });
  });

  app.get('/api/v1/cycles', async (c) => {
    const q = parseQuery(listQuery, c.req.query());
    const projectId = c.get('projectId');
    const asOf = q.asOf ? isoToEventTime(q.asOf) : await latestEventTime(client, projectId);
    const config = await gateConfigFor(client, projectId, q.workload ?? '');
    const items = await cycleReports(client, {
      projectId,
      workload: q.workload ?? '',
      asOf,
      days: q.W,
      signalWindowHours: config.signalWindowHours,
    });
    return c.json({ asOf: eventTimeToIso(asOf), W: q.W, items });
  });

  app.get('/api/v1/cycles/:id', async (c) => {
    const { id } = parseQuery(idParams, c.req.param());
    const q = parseQuery(listQuery.omit({ workload: true }), c.req.query());
    const projectId = c.get('projectId');
    const history = await cycleHistory(client, projectId, id);
    const current = history.at(-1);
    if (!current) throw notFound(id);
    const asOf = q.asOf ? isoToEventTime(q.asOf) : await latestEventTime(client, projectId);
    const config = await gateConfigFor(client, projectId, current.workloadId);
    const reports = await cycleReports(client, {
      projectId,
      workload: current.workloadId,
      asOf,
      days: q.W,
      signalWindowHours: config.signalWindowHours,
    });
    return c.json({
      asOf: eventTimeToIso(asOf),
      W: q.W,
      cycle: reports.find((r) => r.id === id) ?? null,
      history: history.map((h) => ({ ...cycleView(h), writtenAt: h.writtenAt })),
    });
  });

  app.route('/', snapshotRoute(client));
  return app;
}
