import type { OpenAPIHono } from '@hono/zod-openapi';
import { getApiReference, getOpenApiDocument } from '../contract/reference';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from '../openapi/docs-page';
import type { ApiEnv } from './env';
import { contractRouter } from './validation';

/** The reference page's script and stylesheet: assets of `GET /api/docs`, not endpoints of the API. */
export const DOCS_ASSETS = ['/api/docs/reference.js', '/api/docs/reference.css'] as const;

/** `GET /api/openapi.json` and the reference page `GET /api/docs`: public, they reveal no data. */
export function openApiRoute(document: () => Record<string, unknown>): OpenAPIHono<ApiEnv> {
  const app = contractRouter();
  let cached: Record<string, unknown> | undefined;
  app.openapi(getOpenApiDocument, (c) => c.json((cached ??= document()), 200));
  app.openapi(getApiReference, (c) => c.html(DOCS_HTML));
  app.get(DOCS_ASSETS[0], (c) => c.body(DOCS_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get(DOCS_ASSETS[1], (c) => c.body(DOCS_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));
  return app;
}
