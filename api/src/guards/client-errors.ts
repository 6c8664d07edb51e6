import type { Duplex } from 'node:stream';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/** Node's parser errors, as the API's JSON error shape says them. */
function describe(code: string | undefined): { status: number; error: string } {
  if (code === 'HPE_HEADER_OVERFLOW')
    return { status: 431, error: 'headers: larger than this server accepts; send fewer or shorter headers' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'HPE_REQUEST_TIMEOUT')
    return { status: 408, error: 'request: not received in time' };
  return { status: 400, error: 'request: not valid HTTP/1.1' };
}

/**
 * A `clientError` listener for a Node HTTP server: requests Node's parser refuses before any handler
 * runs (headers too large, malformed HTTP) are answered with a JSON error body like every other API
 * error, instead of Node's empty one.
 */
export function clientErrorResponder(): (error: Error & { code?: string }, socket: Duplex) => void {
  return (error, socket) => {
    // Mirrors Node's default: nothing can be written to a reset socket or after a response began.
    const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage
      ?.headersSent;
    if (error.code === 'ECONNRESET' || !socket.writable || started) {
      socket.destroy();
      return;
    }
    const { status, error: message } = describe(error.code);
    const body = JSON.stringify({ error: message });
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  };
}
