import type { MiddlewareHandler } from 'hono';
import { hostName, isLoopback } from './loopback';

/**
 * Refuses requests whose `Host` is not served: in keyless mode only loopback names are (localhost,
 * 127.0.0.1, [::1], any port) plus the configured `allowedHosts`. A DNS-rebinding page talks to a
 * loopback server under the attacker's own name; refusing that name keeps stored prompts and
 * responses out of its reach. With keys and no allow-list every host is served: a rebinding page has no
 * key, and proxies in front of a keyed server rename hosts freely.
 */
export function allowedHostsGuard(options: {
  open: boolean;
  allowedHosts: readonly string[];
}): MiddlewareHandler {
  const allowed = new Set(options.allowedHosts.map((h) => hostName(h)));
  const enforced = options.open || allowed.size > 0;
  return async (c, next) => {
    if (!enforced) return next();
    const header = c.req.header('host') ?? new URL(c.req.url).host;
    const name = hostName(header);
    if (isLoopback(name) || allowed.has(name)) return next();
    return c.json(
      {
        error: `host: '${header.slice(0, 100)}' is not served; add it to FLYWHEEL_ALLOWED_HOSTS to serve it (docs/security.md)`,
      },
      403,
    );
  };
}
