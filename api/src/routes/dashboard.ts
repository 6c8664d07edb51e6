import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';

/** The built dashboard, found from this file so the server works from any working directory. */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../../dashboard/dist', import.meta.url));

/**
 * Stored prompts and responses are untrusted, so the page may run only its own bundled script and talk
 * only to its own origin. Recharts and React set styles through the CSSOM, which `style-src 'self'`
 * allows, so no 'unsafe-inline' is needed.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const DASHBOARD_HEADERS: Record<string, string> = {
  'content-security-policy': DASHBOARD_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

const NOT_BUILT = `The Flywheel dashboard has not been built yet.

Build it once with:   pnpm --filter @flywheel/dashboard build
or start with:        pnpm start      (builds it when it is missing or out of date)

The API is available under /api/v1/ and /healthz in the meantime.
`;

/** Paths the API owns: a miss there stays the API's JSON 404, never the dashboard's index.html. */
function isApiPath(path: string): boolean {
  return path === '/healthz' || path.startsWith('/api/') || path === '/api' || path.startsWith('/v1/');
}

/**
 * `GET /*` outside the API: the dashboard's files from `dashboard/dist`, with security headers. Any other
 * path without a file extension answers `index.html`, so client-side routes survive a reload.
 * Register it after every API route.
 */
export function dashboardRoute(options: { dir?: string } = {}): Hono {
  const root = resolve(options.dir ?? DEFAULT_DASHBOARD_DIR);
  const app = new Hono();

  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (isApiPath(path)) return next();

    const file = await findFile(root, path);
    if (file) return send(c, file, path);

    // A missing asset must be a 404: answering index.html would hand HTML to a <script> tag.
    if (extname(path) !== '') return plain(c, 404, `no file ${path}\n`);

    const index = join(root, 'index.html');
    if (!(await isFile(index))) return plain(c, 503, NOT_BUILT);
    return send(c, index, '/index.html');
  });
  return app;
}

async function findFile(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = resolve(root, `.${decoded}`);
  // Never outside dist/: `..` segments and encoded separators resolve away from root and are refused.
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  return (await isFile(candidate)) ? candidate : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function send(c: Context, file: string, urlPath: string): Promise<Response> {
  const body = await readFile(file);
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  // Vite puts a content hash in every asset name: those never change; index.html must always be fresh.
  const cache = urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  return new Response(c.req.method === 'HEAD' ? null : body, {
    status: 200,
    headers: { ...DASHBOARD_HEADERS, 'content-type': type, 'cache-control': cache },
  });
}

function plain(_c: Context, status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      ...DASHBOARD_HEADERS,
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-cache',
    },
  });
}
