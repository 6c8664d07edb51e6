import type { MiddlewareHandler } from 'hono';
import { hostName } from './loopback';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A JSON media type, `application/json` or `application/*+json`, with any parameters. */
export const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** The answer to a body that is not JSON, here and from the routes' validators. */
export const NOT_JSON = 'content-type: send JSON bodies as application/json';

/**
 * Rules for requests that change state, against cross-site request forgery where a browser's requests
 * need no credential at all (keyless mode) or where hosts are allow-listed:
 * - a body must be sent as JSON: a page can send `text/plain` or a form anywhere without asking, but
 *   `application/json` across origins needs a CORS preflight, which the API never grants;
 * - an `Origin`, when the browser sends one, must be the server's own (the `Host` asked for) or one of
 *   the allowed hosts. This also stops bodiless cross-site POSTs, which need no preflight.
 * With keys and no allow-list neither applies here: a browser never attaches a bearer key on its own, a
 * proxy in front may present the dashboard under another origin than the Host it forwards, and the
 * routes' validators still refuse bodies that are not JSON (after the key is checked).
 * `exempt` paths keep their own rules (the browser signals endpoint allows any origin, by design).
 */
export function stateChangingGuard(options: {
  open: boolean;
  allowedHosts: readonly string[];
  exempt: readonly string[];
}): MiddlewareHandler {
  const allowed = new Set(options.allowedHosts.map((h) => hostName(h)));
  const enforced = options.open || allowed.size > 0;
  return async (c, next) => {
    if (!enforced || !STATE_CHANGING.has(c.req.method) || options.exempt.includes(c.req.path)) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && !sameSite(origin, c.req.header('host') ?? new URL(c.req.url).host, allowed))
      return c.json(
        {
          error: `origin: '${origin.slice(0, 100)}' may not change data here; only pages served by this server may (docs/security.md)`,
        },
        403,
      );
    const type = c.req.header('content-type');
    const hasBody =
      type !== undefined ||
      Number(c.req.header('content-length') ?? 0) > 0 ||
      c.req.header('transfer-encoding') !== undefined;
    if (hasBody && !(type && JSON_TYPE.test(type))) return c.json({ error: NOT_JSON }, 415);
    return next();
  };
}

/** The Origin is the server's own (scheme aside) or an allowed host; `null` and garbage never are. */
function sameSite(origin: string, host: string, allowed: ReadonlySet<string>): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.host === sameForm(url.protocol, host)) return true;
  return allowed.has(hostName(url.host));
}

/** The Host header as URL.host writes it (lower case, default port dropped), to compare with an Origin. */
function sameForm(protocol: string, host: string): string | undefined {
  try {
    return new URL(`${protocol}//${host.trim()}`).host;
  } catch {
    return undefined;
  }
}
