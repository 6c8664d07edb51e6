import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { exchange } from '../support/raw-http';

// Answers a Flywheel sends before it has read the request's body — refusals by the memory limit, by
// the body limit, by content type — on both ports, to clients still uploading and to keep-alive
// clients that send their next request on the same connection.
const MiB = 1024 * 1024;
let fw: TestFlywheel;
let otlpPort: number;
let apiPort: number;

beforeAll(async () => {
  // Past a soft limit of one byte every OTLP request is refused with 503 before its body is read.
  fw = await startTestFlywheel({ memorySoftLimitBytes: 1 });
  otlpPort = Number(new URL(fw.otlpUrl).port);
  apiPort = Number(new URL(fw.apiUrl).port);
});
afterAll(() => fw.dispose());

const head = (path: string, type: string, length: number) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\n\r\n`;

describe('answers sent before the body was read', () => {
  it('reach a client uploading 18 MiB: 503 under memory pressure, without a reset', async () => {
    const body = Buffer.alloc(18 * MiB, 'x');
    const got = await exchange(otlpPort, head('/v1/traces', 'application/json', body.length), body);
    expect(got.error).toBeUndefined();
    expect(got.text).toMatch(/^HTTP\/1\.1 503 /);
    expect(got.text).toMatch(/\r\nretry-after: 5\r\n/i);
    expect(got.text).toContain('memory is past its soft limit');
    expect(got.wrote).toBe(body.length);
  });

  it('reach fetch uploading 21 MiB of protobuf: 503, not a reset', async () => {
    const res = await fetch(`${fw.otlpUrl}/v1/traces`, {
      method: 'POST',
      body: Buffer.alloc(21 * MiB, 'y'),
      headers: { 'content-type': 'application/x-protobuf' },
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('connection')).toBe('close');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('reach fetch uploading 2 MiB to an API route limited to 1 MiB: 413', async () => {
    const res = await fetch(`${fw.apiUrl}/api/v1/alarms/evaluate`, {
      method: 'POST',
      body: Buffer.alloc(2 * MiB, 'z'),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/^body: larger than 1 MiB/) });
  });

  it.each([
    ['OTLP', () => otlpPort, '/v1/traces'],
    ['API', () => apiPort, '/api/v1/reviews'],
  ])(
    'leave a keep-alive connection usable on the %s port when the small body comes late',
    async (_port, port, path) => {
      const body = Buffer.from('{"a":1}');
      // text/plain is refused before the body is read; the body arrives 800 ms after the answer.
      const got = await exchange(port(), head(path, 'text/plain', body.length), body, {
        pauseMs: 800,
        next: head(path, 'text/plain', 0),
        answers: 2,
        staysOpen: true,
      });
      expect(got.error).toBeUndefined();
      expect(got.text).toMatch(/^HTTP\/1\.1 415 /);
      expect(got.text).toMatch(/\r\nconnection: keep-alive\r\n/i);
      // The second request, on the same connection, was answered too.
      expect(got.text.match(/HTTP\/1\.1 415 /g)).toHaveLength(2);
    },
  );
});
