import type { Http2Bindings, HttpBindings } from '@hono/node-server';

/** What `@hono/node-server` passes a fetch handler as its environment. */
export type NodeBindings = HttpBindings | Http2Bindings;

type Fetch = (request: Request, env: NodeBindings) => Response | Promise<Response>;

/**
 * A fetch handler whose answers close the connection when they are sent before the request's body was
 * read (a 400 for a bad query string, a 413 for a declared length, a 401 before an upload is looked at).
 *
 * Why: the Node adapter then discards the unread body for at most 500 ms and destroys the socket if
 * that has not finished, while the answer already told the client `Connection: keep-alive`. On a busy
 * event loop the timer wins even for a tiny body that had long arrived, and the client's next request
 * on that socket fails with nothing answered. Saying `Connection: close` in the answer makes the client
 * open a new connection instead.
 */
export function closeWhenBodyUnread(fetch: Fetch): Fetch {
  return async (request, env) => {
    const response = await fetch(request, env);
    if (env.incoming.readableEnded || !hasBody(env.incoming)) return response;
    const headers = new Headers(response.headers);
    headers.set('connection', 'close');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

function hasBody(incoming: NodeBindings['incoming']): boolean {
  const length = incoming.headers['content-length'];
  return incoming.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
