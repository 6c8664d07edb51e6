import { HTTPException } from 'hono/http-exception';
import type { ClickHouseClient } from '@flywheel/storage';
import { latestEventTime } from '../queries/as-of';
import { addDays, addMicros, isoToEventTime } from '../analytics/time';

export interface ResolvedScope {
  workload: string;
  from: string;
  to: string;
  asOf: string;
}

export function badRequest(message: string): never {
  throw new HTTPException(400, { res: Response.json({ error: message }, { status: 400 }) });
}

/** The evaluation time: the one asked for, else the project's latest event time (never the wall clock). */
export async function resolveAsOf(
  client: ClickHouseClient,
  projectId: string,
  asOf: string | undefined,
): Promise<string> {
  return asOf ? isoToEventTime(asOf) : latestEventTime(client, projectId);
}

/**
 * Fills the defaults: asOf is the project's latest event time (never the wall clock), `to` just after
 * asOf, `from` `defaultDays` before asOf.
 */
export async function resolveScope(
  client: ClickHouseClient,
  projectId: string,
  q: {
    workload?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    asOf?: string | undefined;
  },
  defaultDays: number,
): Promise<ResolvedScope> {
  const asOf = await resolveAsOf(client, projectId, q.asOf);
  const to = q.to ? isoToEventTime(q.to) : addMicros(asOf, 1n);
  const from = q.from ? isoToEventTime(q.from) : addDays(asOf, -defaultDays);
  if (from >= to) badRequest('from: must be before to');
  return { workload: q.workload ?? '', from, to, asOf };
}
