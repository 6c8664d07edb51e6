import { connect } from 'node:net';

export interface Exchange {
  /** Everything answered on the connection. */
  text: string;
  /** The client socket's error (ECONNRESET, EPIPE), if any. */
  error?: string;
  /** Body bytes the client managed to hand to its socket. */
  wrote: number;
}

/**
 * One raw HTTP/1.1 connection: sends `head`, optionally waits for an answer and `pauseMs` more (a
 * client slower than the server's answer), writes `body` as fast as the socket takes it, then `next`
 * (a second request on the same connection). Resolves once `answers` answers arrived and, unless the
 * connection is expected to stay open, it closed.
 */
export function exchange(
  toPort: number,
  head: string,
  body: Buffer,
  options: { pauseMs?: number; next?: string; answers?: number; staysOpen?: boolean } = {},
): Promise<Exchange> {
  return new Promise((resolve) => {
    // Half-open: the client keeps uploading after the server's FIN, as an HTTP client busy sending does.
    const socket = connect({ port: toPort, host: '127.0.0.1', allowHalfOpen: true });
    const result: Exchange = { text: '', wrote: 0 };
    const answers = () => (result.text.match(/HTTP\/1\.1 \d{3} /g) ?? []).length;
    let answered: () => void = () => {};
    const firstAnswer = new Promise<void>((r) => (answered = r));
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(done, 15_000);
    socket.on('data', (chunk: Buffer) => {
      result.text += chunk.toString('latin1');
      if (answers() > 0) answered();
      if (options.staysOpen && answers() >= (options.answers ?? 1)) done();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => (result.error ??= error.code ?? error.message));
    socket.on('close', done);
    // The server's FIN: once the body is written, the client closes too (a half-open socket does not).
    let writing = true;
    let serverEnded = false;
    socket.on('end', () => {
      serverEnded = true;
      if (!writing) socket.end();
    });
    const drained = () =>
      new Promise<void>((r) => {
        const go = () => {
          socket.off('drain', go).off('close', go);
          r();
        };
        socket.on('drain', go).on('close', go);
      });
    void (async () => {
      socket.write(head);
      if (options.pauseMs !== undefined) {
        await firstAnswer;
        await new Promise((r) => setTimeout(r, options.pauseMs));
      }
      for (let at = 0; at < body.length && !socket.destroyed; at += 64 * 1024) {
        const chunk = body.subarray(at, at + 64 * 1024);
        const flushed = socket.write(chunk);
        result.wrote += chunk.length;
        if (!flushed) await drained();
      }
      if (options.next && !socket.destroyed) socket.write(options.next);
      writing = false;
      if (serverEnded) socket.end();
    })();
  });
}
