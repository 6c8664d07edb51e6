import { createRoute, z } from '@hono/zod-openapi';
import { signalsBody } from '@flywheel/collector';
import { count, errorBody, json, jsonBody } from './common';

/**
 * `POST /api/v1/signals` is served by the collector (it writes through the ingest path, with CORS for
 * browsers); only its documentation lives here, from the collector's own schema.
 */
export const postSignals = createRoute({
  method: 'post',
  path: '/api/v1/signals',
  operationId: 'postSignals',
  tags: ['Signals'],
  summary: 'User feedback as plain JSON, for browsers and backends without OpenTelemetry',
  description:
    'One signal, an array of signals, or { "signals": [...] }. Without an id a signal is identified by its content, so a retried POST is stored once. Corrections are redacted like prompts before anything is stored. CORS allows any origin.',
  request: { body: jsonBody(signalsBody) },
  responses: {
    200: json(z.object({ accepted: count }), 'Queued for storage'),
    400: json(errorBody, 'A field is invalid; the message names it'),
    401: json(errorBody, 'Missing or wrong API key'),
    429: json(errorBody, 'The write queue is full; retry after the Retry-After header'),
    503: json(errorBody, 'Storage is unavailable or the server is shutting down; retry later'),
  },
});
