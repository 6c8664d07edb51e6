import { createRoute, z } from '@hono/zod-openapi';
import { PUBLIC } from './common';

export const getOpenApiDocument = createRoute({
  method: 'get',
  path: '/api/openapi.json',
  operationId: 'getOpenApiDocument',
  tags: ['Service'],
  summary: 'This document: the OpenAPI 3.1 description of every endpoint',
  security: PUBLIC,
  responses: {
    200: {
      description: 'OpenAPI 3.1',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
  },
});

export const getApiReference = createRoute({
  method: 'get',
  path: '/api/docs',
  operationId: 'getApiReference',
  tags: ['Service'],
  summary: 'The API reference page, rendered from this document',
  description:
    'Self-contained: it loads nothing from the internet and runs under a strict Content-Security-Policy.',
  security: PUBLIC,
  responses: {
    200: { description: 'HTML', content: { 'text/html': { schema: z.string() } } },
  },
});
