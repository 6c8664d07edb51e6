import { Hono } from 'hono';
import { z } from 'zod';
import type { ClickHouseClient } from '@flywheel/storage';
import { latestEventTime } from '../queries/as-of';
import { gateVerdicts, type GateVerdict } from '../queries/gate';
import { gateConfigHistory } from '../queries/gate-config';
import { listInteractions, signalsForRequests, type InteractionListRow } from '../queries/interactions';
import { effectiveGateConfig } from './gate';
import { EARLIEST, LATEST, isoToEventTime } from './time';
import { parseQuery } from './validation';
import type { ApiEnv } from './env';

const querySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  workload: z.string().min(1).max(200).optional(),
  modelVersion: z.string().min(1).max(200).optional(),
  outcome: z.enum(['success', 'failure', 'unknown']).optional(),
  gate: z.enum(['passed', 'rejected', 'pending']).optional(),
  q: z.string().min(1).max(500).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  asOf: z.iso.datetime({ offset: true }).optional(),
});

/**
 * `GET /api/v1/interactions` (newest first) and `GET /api/v1/interactions/{requestId}`: each with its
 * signals in time order, outcome, content checks and the gate's verdict with reasons.
 */
export function interactionsRoute(client: ClickHouseClient): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  async function list(projectId: string, q: z.infer<typeof querySchema>, requestId?: string) {
    const history = await gateConfigHistory(client, projectId, q.workload ?? '');
    const asOf = q.asOf ? isoToEventTime(q.asOf) : await latestEventTime(client, projectId);
    const rows = await listInteractions(client, {
      projectId,
      limit: q.limit,
      ...(q.workload ? { workload: q.workload } : {}),
      ...(q.modelVersion ? { modelVersion: q.modelVersion } : {}),
      ...(q.outcome ? { outcome: q.outcome } : {}),
      ...(q.gate ? { gate: q.gate } : {}),
      ...(q.q ? { text: q.q } : {}),
      ...(requestId ? { requestId } : {}),
      gateConfig: effectiveGateConfig(history, q.workload ?? '', {}),
      asOf,
      from: q.from ? isoToEventTime(q.from) : EARLIEST,
      to: q.to ? isoToEventTime(q.to) : LATEST,
    });
    const ids = [...new Set(rows.map((r) => r.requestId))];
    const [signals, verdicts] = await Promise.all([
      signalsForRequests(client, projectId, ids),
      verdictsByWorkload(projectId, rows, asOf),
    ]);
    const byRequest = new Map(signals.map((s) => [s.requestId, s]));
    return rows.map((row) => {
      const s = byRequest.get(row.requestId);
      const v = verdicts.get(row.requestId);
      return {
        ...row,
        outcome: s?.outcome ?? 'unknown',
        signals: s?.kinds ?? [],
        signalDetails: s?.details ?? [],
        gate: v
          ? { state: v.evaluated ? (v.passed ? 'passed' : 'rejected') : 'pending', reasons: v.reasons }
          : null,
      };
    });
  }

  // Each workload may have its own gate configuration, so verdicts are computed per workload.
  async function verdictsByWorkload(projectId: string, rows: InteractionListRow[], asOf: string) {
    const byWorkload = new Map<string, string[]>();
    for (const r of rows)
      byWorkload.set(r.workloadId, [...(byWorkload.get(r.workloadId) ?? []), r.requestId]);
    const out = new Map<string, GateVerdict>();
    for (const [workload, requestIds] of byWorkload) {
      const config = effectiveGateConfig(await gateConfigHistory(client, projectId, workload), workload, {});
      for (const v of await gateVerdicts(client, { projectId, requestIds, to: LATEST, asOf, config }))
        out.set(v.requestId, v);
    }
    return out;
  }

  app.get('/api/v1/interactions', async (c) => {
    const q = parseQuery(querySchema, c.req.query());
    return c.json({ items: await list(c.get('projectId'), q) });
  });

  app.get('/api/v1/interactions/:requestId', async (c) => {
    const q = parseQuery(querySchema, c.req.query());
    const [item] = await list(c.get('projectId'), { ...q, limit: 1 }, c.req.param('requestId'));
    return item
      ? c.json({ item })
      : c.json({ error: `no interaction with request id '${c.req.param('requestId')}'` }, 404);
  });
  return app;
}
