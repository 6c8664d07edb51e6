import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { except } from 'hono/combine';
import { secureHeaders } from 'hono/secure-headers';

/** The built dashboard, found from this file so the server works from any working directory. */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../../dashboard/dist', import.meta.url));

/**
 * Stored prompts and responses are untrusted, so the page may run only its own bundled script and talk
 * only to its own origin. Recharts and React set styles through the CSSOM, which `style-src 'self'`
 * allows, so no 'unsafe-inline' is needed.
 */
const DASHBOARD_CSP = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
} satisfies NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy'];

const securityHeaders = secureHeaders({
  contentSecurityPolicy: DASHBOARD_CSP,
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  // The server speaks plain HTTP and cannot know whether a proxy in front of it terminates TLS: pinning
  // HTTPS for a year is the proxy's decision.
  strictTransportSecurity: false,
});

const NOT_BUILT = `The Flywheel dashboard has not been built yet.

Build it once with:   pnpm --filter @flywheel/dashboard build
or start with:        pnpm start      (builds it when it is missing or out of date)

The API is available under /api/v1/ and /healthz in the meantime.
`;

/** Paths the API owns: a miss there stays the API's JSON 404, never the dashboard's index.html. */
function isApiPath(c: Context): boolean {
  const path = c.req.path;
  return path === '/healthz' || path.startsWith('/api/') || path === '/api' || path.startsWith('/v1/');
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

function plain(c: Context, status: 404 | 503, text: string): Response {
  c.header('cache-control', 'no-cache');
  return c.text(text, status);
}

/**
 * Sets Cache-Control on the file a handler served. (`serveStatic`'s onFound runs after the response is
 * made, too late for a header.)
 */
function cached(handler: MiddlewareHandler, cacheControl: (c: Context) => string): MiddlewareHandler {
  return async (c, next) => {
    const res = await handler(c, next);
    // A handler that found nothing hands over to `next` and returns no Response of its own.
    if (res instanceof Response) res.headers.set('cache-control', cacheControl(c));
    return res;
  };
}

/**
 * `serveStatic` complains when its root is missing as it is created, and dist/ may be built while the
 * server runs: the handler is created on the first request that finds dist/.
 */
function onceBuilt(root: string, create: () => MiddlewareHandler): MiddlewareHandler {
  let handler: MiddlewareHandler | null = null;
  return async (c, next) => {
    if (!handler && !existsSync(root)) return next();
    handler ??= create();
    return handler(c, next);
  };
}

/**
 * `GET /*` outside the API: the dashboard's files from `dashboard/dist`, with security headers. Any other
 * path without a file extension answers `index.html`, so client-side routes survive a reload.
 * `serveStatic` refuses `..` segments and percent-encoded paths, so nothing outside dist/ is served.
 * Register it after every API route.
 */
export function dashboardRoute(options: { dir?: string } = {}): Hono {
  const root = resolve(options.dir ?? DEFAULT_DASHBOARD_DIR);
  // Vite puts a content hash in every asset name: those never change; index.html must always be fresh.
  const files = () =>
    cached(serveStatic({ root }), (c) => (c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache'));
  const index = () => cached(serveStatic({ root, path: 'index.html' }), () => 'no-cache');
  // A missing asset must be a 404: answering index.html would hand HTML to a <script> tag.
  const missingAsset: MiddlewareHandler = async (c, next) =>
    extname(c.req.path) !== '' ? plain(c, 404, `no file ${c.req.path}\n`) : next();

  const app = new Hono();
  app.get(
    '*',
    except(
      isApiPath,
      securityHeaders,
      onceBuilt(root, files),
      missingAsset,
      onceBuilt(root, index),
      async (c) => plain(c, 503, NOT_BUILT),
    ),
  );
  return app;
}
