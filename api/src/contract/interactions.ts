import { createRoute, z } from '@hono/zod-openapi';
import { apiErrors, count, errorBody, iso, json } from './common';
import { conversation } from './conversation';
import { isoTime, name, queryInteger, text } from './ranges';
import { decodeCursor } from '../analytics/interaction-cursor';
import { GATE_REASONS } from '../queries/gate';

const outcome = z.enum(['success', 'failure', 'unknown']);
const gateState = z.enum(['passed', 'rejected', 'pending']);
const asOf = isoTime
  .optional()
  .describe("Gate verdicts as of this event time. Default: the project's latest event time.");

/** The explorer's filters: the list pages through them, the export writes every row they select. */
const filters = {
  workload: name.optional(),
  modelVersion: name.optional(),
  outcome: outcome.optional(),
  gate: gateState.optional().describe('The gate verdict as of asOf.'),
  gateReason: z
    .enum(GATE_REASONS)
    .optional()
    .describe(
      'Rejected by the gate for this reason as of asOf (among others it may have): the interactions the gate report counts under it for the same range.',
    ),
  q: text(500).min(1).optional().describe('Case-insensitive text in the prompt or the response.'),
  from: isoTime.optional().describe('Start of the event-time window (inclusive).'),
  to: isoTime.optional().describe('End of the event-time window (exclusive).'),
  asOf,
};

export const interactionsQuery = z.strictObject({
  limit: queryInteger(1, 1000).default(50),
  cursor: text(400)
    .refine((c) => decodeCursor(c) !== null, 'is not a cursor this API gave out')
    .optional()
    .describe('nextCursor or prevCursor of an earlier page with the same filters; absent: the newest page.'),
  ...filters,
});

export const interactionsExportQuery = z.strictObject(filters);

const signalDetail = z.object({
  time: iso,
  kind: z.string(),
  value: z.number().nullable(),
  correction: z.string(),
  explicit: z.boolean(),
  userId: z.string(),
  source: z.string(),
});

/** Content-check results stored at ingest (docs/design.md §5). */
const contentChecks = z.object({
  piiKinds: z.array(z.string()),
  responseWords: count,
  responseTokens: count,
  toxicity: z.number(),
  promptChars: count,
  jailbreak: z.string(),
  topicRelevance: z.number().nullable(),
  inputFailures: z.array(z.string()),
  nearDuplicateKey: z.string(),
  passed: z.record(z.string(), z.boolean()).describe('Pass or fail per check name'),
});

export const interaction = z.object({
  requestId: z.string(),
  traceId: z.string(),
  spanId: z.string(),
  time: iso,
  workloadId: z.string(),
  service: z.string(),
  operation: z.string(),
  provider: z.string(),
  requestModel: z.string(),
  model: z.string(),
  modelVersion: z.string(),
  userId: z.string(),
  sessionId: z.string(),
  prompt: z.string(),
  response: z.string(),
  inputTokens: count,
  outputTokens: count,
  latencyMs: z.number(),
  timeToFirstChunkMs: z.number().nullable(),
  finishReason: z.string(),
  status: z.string(),
  errorMessage: z.string(),
  language: z.string(),
  qualityScore: z.number().nullable(),
  groundingScore: z.number().nullable(),
  checks: contentChecks,
  outcome,
  signals: z.array(z.string()).describe('Signal kinds in event-time order'),
  signalDetails: z.array(signalDetail),
  gate: z
    .object({ state: gateState, reasons: z.array(z.string()) })
    .nullable()
    .describe("The gate's verdict as of asOf, with every rule it failed"),
});

/** One interaction with its conversation: the detail (the list leaves the messages out). */
export const interactionDetail = interaction.extend(conversation);

export const listInteractions = createRoute({
  method: 'get',
  path: '/api/v1/interactions',
  operationId: 'listInteractions',
  tags: ['Interactions'],
  summary: 'Interactions, newest first, with signals, outcome, content checks and gate verdict',
  description:
    'Pages by cursor (keyset on event time, then trace and span id), never by offset, so a page is the same whatever arrives meanwhile at the head. `total` counts every interaction the filters select.',
  request: { query: interactionsQuery },
  responses: {
    200: json(
      z.object({
        items: z.array(interaction),
        total: count.describe('Interactions the filters select, on every page'),
        nextCursor: z.string().nullable().describe('The older page; null on the last'),
        prevCursor: z.string().nullable().describe('The newer page; null on the first'),
      }),
      'Newest first',
    ),
    ...apiErrors,
  },
});

export const exportInteractions = createRoute({
  method: 'get',
  path: '/api/v1/interactions/export',
  operationId: 'exportInteractions',
  tags: ['Interactions'],
  summary: 'Every interaction the filters select, as CSV',
  description:
    'The same filters as the list, newest first, written by the engine (CSVWithNames) and streamed: request id, time, workload, version, user, outcome, signal kinds, latency, tokens, prompt and response.',
  request: { query: interactionsExportQuery },
  responses: {
    200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } },
    ...apiErrors,
  },
});

export const getInteraction = createRoute({
  method: 'get',
  path: '/api/v1/interactions/{requestId}',
  operationId: 'getInteraction',
  tags: ['Interactions'],
  summary: 'One interaction by request id',
  request: {
    params: z.strictObject({ requestId: text(256).min(1) }),
    query: z.strictObject({ asOf }),
  },
  responses: {
    200: json(z.object({ item: interactionDetail }), 'The interaction, with its conversation'),
    404: json(errorBody, 'No interaction with this request id in the project'),
    ...apiErrors,
  },
});
