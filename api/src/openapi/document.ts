import { z } from 'zod';
import { checkOperations } from '../routes/feedback-checks';
import { cycleOperations } from '../routes/cycles';
import { labelOperations } from '../routes/labels';
import { velocityOperations } from '../routes/velocity';
import type { Operation } from './operation';
import { errorResponse } from './responses';

const OPERATIONS: Operation[] = [
  ...velocityOperations,
  ...cycleOperations,
  ...labelOperations,
  ...checkOperations,
];

const schema = (type: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(type, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

function parameters(op: Operation) {
  const list = (where: 'query' | 'path', object?: z.ZodObject) =>
    Object.entries(object?.shape ?? {}).map(([name, field]) => {
      const s = schema(field as z.ZodType, 'input');
      const { description, ...rest } = s;
      return {
        name,
        in: where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema: rest,
      };
    });
  return [...list('path', op.params), ...list('query', op.query)];
}

const bad = {
  description: 'A parameter or field is invalid; the message names it',
  content: { 'application/json': { schema: schema(errorResponse, 'output') } },
};

/** The OpenAPI 3.1 document of the analytics API, built from the same zod schemas that validate requests. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema
          ? { content: { 'application/json': { schema: schema(r.schema, 'output') } } }
          : { content: { 'application/json': { schema: schema(errorResponse, 'output') } } }),
      };
    }
    responses['400'] = bad;
    responses['401'] = { description: 'Missing or wrong API key' };
    (paths[op.path] ??= {})[op.method] = {
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      operationId: `${op.method}${op.path
        .replace(/^\/api\/v1/, '')
        .replace(/[{}]/g, '')
        .replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
      parameters: parameters(op),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schema(op.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Flywheel API',
      version: '1',
      description:
        'Measures whether an LLM application’s data flywheel is spinning. Every endpoint under /api/v1 is scoped to the project of the API key (Authorization: Bearer <key>). Times are event times (ISO 8601); evaluations are "as of" the project’s latest event time unless asOf is given.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    tags: [
      { name: 'Flywheel', description: 'Velocity, phase and stagnation (docs/design.md §6)' },
      { name: 'Cycles', description: 'Improvement cycles, snapshots and offline evals' },
      { name: 'Labels', description: 'Human reviews and automated judgments' },
      { name: 'Checks', description: 'Checks on the feedback itself (docs/design.md §7)' },
    ],
    paths,
  };
}
