import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { ClickHouseClient } from '@flywheel/storage';
import { latestEventTime } from '../queries/as-of';
import { addDays, addMicros, isoToEventTime } from '../analytics/time';

export const isoTime = z.iso.datetime({ offset: true });

/** Query parameters every analytics endpoint takes. */
export const scopeQuery = {
  workload: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Workload id; omit for every workload of the project.'),
  from: isoTime.optional().describe('Start of the event-time window (inclusive, ISO 8601).'),
  to: isoTime
    .optional()
    .describe('End of the event-time window (exclusive, ISO 8601). Default: just after asOf.'),
  asOf: isoTime
    .optional()
    .describe(
      "Evaluate as of this event time: later interactions and signals are ignored. Default: the project's latest event time.",
    ),
};

export interface ResolvedScope {
  workload: string;
  from: string;
  to: string;
  asOf: string;
}

export function badRequest(message: string): never {
  throw new HTTPException(400, { res: Response.json({ error: message }, { status: 400 }) });
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
  const asOf = q.asOf ? isoToEventTime(q.asOf) : await latestEventTime(client, projectId);
  const to = q.to ? isoToEventTime(q.to) : addMicros(asOf, 1n);
  const from = q.from ? isoToEventTime(q.from) : addDays(asOf, -defaultDays);
  if (from >= to) badRequest('from: must be before to');
  return { workload: q.workload ?? '', from, to, asOf };
}
