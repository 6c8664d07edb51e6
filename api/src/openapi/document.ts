import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Env } from 'hono';

const INFO = {
  title: 'Flywheel API',
  version: '1',
  description:
    'Measures whether an LLM application’s data flywheel is spinning. Every endpoint under /api/v1 is scoped to the project of the API key (Authorization: Bearer <key>). Times are event times (ISO 8601); evaluations are "as of" the project’s latest event time unless asOf is given. JSON bodies need Content-Type: application/json. Every error is { "error": "<field>: <what is wrong>" }.',
};

const TAGS = [
  { name: 'Service', description: 'Health and this reference; no key needed' },
  { name: 'Interactions', description: 'The traced LLM calls with their signals and gate verdicts' },
  { name: 'Signals', description: 'User feedback sent as JSON (browsers, backends without OpenTelemetry)' },
  {
    name: 'Gate',
    description: 'The quality gate: pass rate, rejection reasons and configuration (docs/design.md §5)',
  },
  { name: 'Flywheel', description: 'Velocity, phase and stagnation (docs/design.md §6)' },
  { name: 'Cycles', description: 'Improvement cycles, snapshots and offline evals' },
  { name: 'Labels', description: 'Human reviews and automated judgments' },
  { name: 'Checks', description: 'Checks on the feedback itself (docs/design.md §7)' },
  { name: 'Alarms', description: 'Alarms and their evaluation (docs/design.md §8)' },
  { name: 'Alerts', description: 'Where alarms are sent, and with which thresholds' },
];

/**
 * The OpenAPI 3.1 document of an app, generated from the contract routes it registered (every route is
 * described once, in api/src/contract, and validated by the same schemas).
 */
export function openApiDocument<E extends Env>(app: OpenAPIHono<E>): Record<string, unknown> {
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: INFO,
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: TAGS,
  });
  return {
    ...document,
    components: {
      ...document.components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
