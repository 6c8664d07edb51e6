import type { IncomingMessage, ServerResponse } from 'node:http';
import { Http2ServerRequest } from 'node:http2';
import type { Http2Bindings, HttpBindings } from '@hono/node-server';

type Fetch = (request: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>;

export interface LingerLimits {
  /**
   * A declared body up to this size left unread by the answer is read and discarded, and the
   * connection stays alive (Go's net/http reads up to 256 KiB for the same reason).
   */
  keepAliveBytes: number;
  /** Bytes read and discarded after an answer that closes the connection, before it is cut anyway. */
  maxBytes: number;
  /** How long a connection may linger, reading and discarding, before it is cut anyway. */
  maxMs: number;
}

export const DEFAULT_LINGER_LIMITS: LingerLimits = {
  keepAliveBytes: 256 * 1024,
  maxBytes: 64 * 1024 * 1024,
  maxMs: 10_000,
};

/**
 * A fetch handler whose answers, when sent before the request's body was read (a 400 for the query
 * string, a 401, a 413 for a declared length, a 429/503 refusal by admission), leave the connection in
 * a state the client can use:
 *
 * - a small declared body is read and discarded at once and the connection stays alive;
 * - a larger or chunked one gets `Connection: close`, and the close lingers as nginx's and Go's do: the
 *   answer is sent and the write side shut (FIN), the rest of the body is read and discarded, and only
 *   then (or past a byte cap or a time cap) is the socket closed.
 *
 * Why: closing a socket with unread bytes makes the kernel answer with a reset, and a client still
 * uploading then sees ECONNRESET/EPIPE instead of the answer waiting in its buffer. And the Node adapter
 * alone discards an unread body for at most 500 ms before destroying the socket of an answer that said
 * `keep-alive`: on a busy event loop the timer fires first, and the client's next request on that socket
 * finds it closed. Here the adapter's cut is replaced by the discard above.
 */
export function lingeringClose(fetch: Fetch, limits: LingerLimits = DEFAULT_LINGER_LIMITS): Fetch {
  return async (request, env) => {
    const response = await fetch(request, env);
    // HTTP/2 streams end without closing the connection: nothing to linger over.
    if (env.incoming instanceof Http2ServerRequest) return response;
    const { incoming, outgoing } = env as HttpBindings;
    if (incoming.readableEnded || !hasBody(incoming) || !incoming.socket || incoming.socket.destroyed)
      return response;
    discard(incoming, outgoing, limits);
    const declared = declaredLength(incoming);
    if (declared !== undefined && declared <= limits.keepAliveBytes) return response;
    const headers = new Headers(response.headers);
    headers.set('connection', 'close');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/**
 * Reads and discards the rest of the body. Until it has ended, closing the socket means a lingering
 * close: Node asks for one (`destroySoon`) after an answer that closes the connection, the adapter's
 * drain timer after 500 ms whatever the answer said; the latter is ignored while the answer kept the
 * connection alive (the discard here goes on and the connection stays usable).
 */
function discard(incoming: IncomingMessage, outgoing: ServerResponse, limits: LingerLimits): void {
  const socket = incoming.socket;
  let bytes = 0;
  let lingering = false;
  const cut = () => {
    finish();
    socket.destroy();
  };
  const timer = setTimeout(cut, limits.maxMs);
  timer.unref();
  const finish = () => {
    clearTimeout(timer);
    incoming.off('data', onData);
    incoming.off('end', onEnd);
    // Back to the socket's own method: a later request on a kept-alive connection closes as usual.
    delete (socket as { destroySoon?: unknown }).destroySoon;
  };
  const onData = (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > limits.maxBytes) cut();
  };
  const onEnd = () => {
    finish();
    // Everything the client sent has been read: closing now sends no reset.
    if (lingering) socket.destroySoon();
  };
  socket.destroySoon = () => {
    if (lingering || !closesConnection(outgoing)) return;
    lingering = true;
    // Shut the write side once the answer is flushed; keep reading until the body ends.
    socket.end();
  };
  socket.once('close', finish);
  // The app is done with the body (it answered): its readers must not pause the discard.
  incoming.removeAllListeners('data');
  incoming.on('data', onData);
  incoming.once('end', onEnd);
  incoming.resume();
}

/** Node's own mark on an answer after which the connection closes (`Connection: close` was sent). */
function closesConnection(outgoing: ServerResponse): boolean {
  return (outgoing as ServerResponse & { _last?: boolean })._last === true;
}

function hasBody(incoming: IncomingMessage): boolean {
  const length = incoming.headers['content-length'];
  return incoming.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function declaredLength(incoming: IncomingMessage): number | undefined {
  if (incoming.headers['transfer-encoding'] !== undefined) return undefined;
  const length = Number(incoming.headers['content-length']);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}
