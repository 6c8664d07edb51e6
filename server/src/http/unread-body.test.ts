import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWhenBodyUnread, type NodeBindings } from './unread-body';

let server: ServerType;
let port: number;

beforeAll(async () => {
  const app = new Hono<{ Bindings: NodeBindings }>();
  app.post('/refuse', (c) => c.json({ error: 'query: bad' }, 400));
  app.post('/read', async (c) => c.json({ got: (await c.req.text()).length }));
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: closeWhenBodyUnread((r, env) => app.fetch(r, env)), port: 0 }, () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** One raw HTTP/1.1 request; resolves with the bytes answered once the socket closes or 1 s passed. */
function raw(path: string, body: string): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closed: false });
    }, 1000);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true });
    });
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
}

describe('closeWhenBodyUnread', () => {
  it('answers a request whose body was never read with Connection: close, and closes', async () => {
    const { text, closed } = await raw('/refuse', '{"a":1}');
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(text).toMatch(/\r\nconnection: close\r\n/i);
    expect(text).toContain('{"error":"query: bad"}');
    expect(closed).toBe(true);
  });

  it('keeps the connection alive when the body was read', async () => {
    const { text, closed } = await raw('/read', '{"a":1}');
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toMatch(/\r\nconnection: keep-alive\r\n/i);
    expect(closed).toBe(false);
  });
});
