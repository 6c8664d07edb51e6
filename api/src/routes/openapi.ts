import { Hono } from 'hono';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from '../openapi/docs-page';
import { openApiDocument } from '../openapi/document';

/** `GET /api/openapi.json` and the reference page `GET /api/docs`: public, they reveal no data. */
export function openApiRoute(): Hono {
  const app = new Hono();
  let document: Record<string, unknown> | undefined;
  app.get('/api/openapi.json', (c) => c.json((document ??= openApiDocument())));
  app.get('/api/docs', (c) => c.html(DOCS_HTML));
  app.get('/api/docs/reference.js', (c) =>
    c.body(DOCS_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/api/docs/reference.css', (c) =>
    c.body(DOCS_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }),
  );
  return app;
}
