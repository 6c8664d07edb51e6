import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
}

/**
 * A local HTTP endpoint standing in for Slack, PagerDuty or a webhook consumer: records every request and
 * answers with the statuses of `script` in turn (then 200); `hang` never answers.
 */
export async function startReceiver(script: Array<number | 'hang'> = []): Promise<{
  url: string;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const queue = [...script];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        /* not JSON */
      }
      received.push({ path: req.url ?? '/', headers: req.headers, body, json });
      const next = queue.shift() ?? 200;
      if (next === 'hang') return;
      res.statusCode = next;
      res.end(next < 300 ? 'ok' : 'failure');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
