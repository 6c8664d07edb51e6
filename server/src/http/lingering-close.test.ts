import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from '../../../test/support/raw-http';
import { lingeringClose } from './lingering-close';

const MiB = 1024 * 1024;
const app = new Hono();
// Answers before the body is read, as a refusal by admission or a 400 for the query string does.
app.post('/refuse', (c) => c.json({ error: 'refused' }, 413));
app.post('/read', async (c) => c.json({ got: (await c.req.arrayBuffer()).byteLength }));
app.get('/ok', (c) => c.json({ ok: true }));

let server: ServerType;
let plain: ServerType;
let port: number;
let plainPort: number;

function listen(fetch: Parameters<typeof serve>[0]['fetch']): Promise<ServerType> {
  return new Promise((resolve) => {
    const s = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
}

beforeAll(async () => {
  server = await listen(
    lingeringClose((request, env) => app.fetch(request, env), {
      keepAliveBytes: 64 * 1024,
      maxBytes: 32 * MiB,
      maxMs: 5_000,
    }),
  );
  port = (server.address() as AddressInfo).port;
  // The adapter alone, to show what the tests catch.
  plain = await listen((request, env) => app.fetch(request, env));
  plainPort = (plain.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const s of [server, plain]) await new Promise<void>((resolve) => s.close(() => resolve()));
});

const post = (path: string, length: number, extra = '') =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${extra}` +
  `Content-Length: ${length}\r\n\r\n`;
const getOk = 'GET /ok HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';

describe('lingeringClose', () => {
  it('lets a client uploading 18 MiB read the refusal sent before its body, then closes', async () => {
    const body = Buffer.alloc(18 * MiB, 'a');
    const got = await exchange(port, post('/refuse', body.length), body);
    expect(got.error).toBeUndefined();
    expect(got.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(got.text).toMatch(/\r\nconnection: close\r\n/i);
    expect(got.text).toContain('{"error":"refused"}');
    expect(got.wrote).toBe(body.length);
  });

  it('keeps a connection alive when a small body arrives after the early answer', async () => {
    // The body comes 800 ms after the answer: the adapter alone cuts such a connection after 500 ms.
    const body = Buffer.from('{"a":1}');
    const options = { pauseMs: 800, next: getOk, answers: 2, staysOpen: true };
    const got = await exchange(port, post('/refuse', body.length), body, options);
    expect(got.error).toBeUndefined();
    expect(got.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(got.text).toMatch(/\r\nconnection: keep-alive\r\n/i);
    expect(got.text).toMatch(/HTTP\/1\.1 200 [^]*\{"ok":true\}/);

    const alone = await exchange(plainPort, post('/refuse', body.length), body, options);
    expect(alone.text).not.toMatch(/HTTP\/1\.1 200 /);
  });

  it('leaves a read body alone: the connection stays alive', async () => {
    const body = Buffer.alloc(MiB, 'b');
    const got = await exchange(port, post('/read', body.length), body, {
      next: getOk,
      answers: 2,
      staysOpen: true,
    });
    expect(got.error).toBeUndefined();
    expect(got.text).toContain(`{"got":${MiB}}`);
    expect(got.text).toContain('{"ok":true}');
  });

  it('closes after a chunked body it did not read, once the client finished sending it', async () => {
    const chunk = Buffer.alloc(MiB, 'c');
    const chunked = Buffer.concat([
      ...Array.from({ length: 4 }, () => [
        Buffer.from(`${chunk.length.toString(16)}\r\n`),
        chunk,
        Buffer.from('\r\n'),
      ]).flat(),
      Buffer.from('0\r\n\r\n'),
    ]);
    const head =
      'POST /refuse HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n';
    const got = await exchange(port, head, chunked);
    expect(got.error).toBeUndefined();
    expect(got.text).toMatch(/^HTTP\/1\.1 413 [^]*\r\nconnection: close\r\n/i);
    expect(got.wrote).toBe(chunked.length);
  });

  it('cuts a connection whose body goes past the byte cap', async () => {
    const body = Buffer.alloc(48 * MiB, 'd');
    const got = await exchange(port, post('/refuse', body.length), body);
    expect(got.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(got.wrote).toBeLessThan(body.length);
  });

  it('cuts a connection whose body does not come within the time cap', async () => {
    const started = Date.now();
    const got = await exchange(port, post('/refuse', 1000), Buffer.alloc(0));
    expect(got.text).toMatch(/^HTTP\/1\.1 413 /);
    // Closed by the server (the exchange's own limit is 15 s).
    expect(Date.now() - started).toBeLessThan(14_000);
  });
});
