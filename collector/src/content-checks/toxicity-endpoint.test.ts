import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchToxicity } from './toxicity-endpoint';

let server: Server;
let base = '';
const received: unknown[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push(JSON.parse(body));
      if (req.url === '/ok') res.end(JSON.stringify({ score: 0.42 }));
      else if (req.url === '/bad-shape') res.end(JSON.stringify({ toxicity: 0.4 }));
      else if (req.url === '/out-of-range') res.end(JSON.stringify({ score: 7 }));
      else if (req.url === '/slow') setTimeout(() => res.end(JSON.stringify({ score: 0.5 })), 2000);
      else {
        res.statusCode = 500;
        res.end('boom');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchToxicity', () => {
  it('posts {text} and returns the score', async () => {
    expect(await fetchToxicity(`${base}/ok`, 'hello', 1000)).toBe(0.42);
    expect(received.at(-1)).toEqual({ text: 'hello' });
  });

  it('returns null on an error status, a wrong shape, an out-of-range score, a timeout or no server', async () => {
    expect(await fetchToxicity(`${base}/error`, 'x', 1000)).toBeNull();
    expect(await fetchToxicity(`${base}/bad-shape`, 'x', 1000)).toBeNull();
    expect(await fetchToxicity(`${base}/out-of-range`, 'x', 1000)).toBeNull();
    const start = performance.now();
    expect(await fetchToxicity(`${base}/slow`, 'x', 100)).toBeNull();
    expect(performance.now() - start).toBeLessThan(1500);
    expect(await fetchToxicity('http://127.0.0.1:1/none', 'x', 1000)).toBeNull();
  });
});
