import { z } from '@hono/zod-openapi';
import { isoTime, name, queryInteger } from './ranges';

// Shared pieces of the API contract: every route file under contract/ builds on these, so a time, a rate
// or an error reads the same everywhere.

/** A time in a response: ISO 8601, UTC, with microseconds. */
export const iso = z.string().describe('ISO 8601, UTC, microseconds');

/** A rate is null when its denominator is 0: a chart draws a gap, never a made-up 0. */
export const rate = z.number().min(0).max(1).nullable();

export const count = z.number().int();

/** Query parameters every analytics endpoint takes. */
export const scopeQuery = {
  workload: name.optional().describe('Workload id; omit for every workload of the project.'),
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

/** `W` of docs/design.md §6: the days after (version) and before (parent) a deploy that a delta compares. */
export const deltaDays = queryInteger(1, 90).default(7);

/** Every error, whatever the status: one sentence that names the parameter or field at fault. */
export const errorBody = z.object({
  error: z.string().describe('What went wrong, starting with the offending parameter or field'),
});

/** A JSON response. */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

/** A JSON request body; an optional one may be left out entirely (no body, no content type). */
export function jsonBody<T extends z.ZodType>(schema: T, required = true) {
  return { required, content: { 'application/json': { schema } } };
}

/** Answers every endpoint under /api/v1 can give besides its own. */
export const apiErrors = {
  400: json(errorBody, 'A parameter or field is invalid; the message names it'),
  401: json(errorBody, 'Missing or wrong API key'),
};

/** Public endpoints: no key needed, they reveal no project data. */
export const PUBLIC: Array<Record<string, string[]>> = [];
