import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlywheelApiClient } from './api-client';

// A stand-in API: evals exist, cycles refuse bodies, reviews do not exist yet, judgments 404 a record.
let server: Server;
let url: string;
const seen: Array<{ method: string; path: string; auth: string | undefined; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, path: req.url!, auth: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      if (req.url === '/api/v1/evals') return res.end('{"ok":true}');
      if (req.url === '/api/v1/cycles') return res.writeHead(400).end('{"error":"workloadId: required"}');
      if (req.url?.startsWith('/api/v1/cycles/')) return res.writeHead(404).end('{"error":"no cycle c-1"}');
      res.writeHead(404).end(`{"error":"no route for ${req.method} ${req.url}"}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('FlywheelApiClient', () => {
  it('registers what the API takes, skips endpoints that do not exist, and records refusals', async () => {
    const lines: string[] = [];
    const api = new FlywheelApiClient(url, 'secret-key-1234567', (line) => lines.push(line));
    const evalBody = {
      modelVersion: 'v1',
      goldenSet: 'g',
      score: 0.8,
      n: 200,
      time: '2026-01-05T00:00:00Z',
      workloadId: 'w',
    };
    await api.postEvals([evalBody, evalBody]);
    await api.postReviews([
      {
        requestId: 'r',
        reviewer: 'a',
        time: '2026-01-05T00:00:00Z',
        labels: { accuracy: true, helpfulness: true, safety: true },
      },
    ]);
    await api.postReviews([
      {
        requestId: 'r2',
        reviewer: 'a',
        time: '2026-01-05T00:00:00Z',
        labels: { accuracy: true, helpfulness: true, safety: true },
      },
    ]);
    await api.postCycle({
      id: 'c-1',
      workloadId: 'w',
      modelVersion: 'v1',
      dataWindow: { from: 'a', to: 'b' },
      status: 'training',
    });
    await api.postCycle({
      id: 'c-2',
      workloadId: 'w',
      modelVersion: 'v2',
      dataWindow: { from: 'a', to: 'b' },
      status: 'training',
    });
    await api.patchCycle('c-1', { status: 'deployed' });

    const report = api.report();
    expect(report.evals).toEqual({ state: 'ok', calls: 1 });
    expect(report.reviews).toEqual({ state: 'unavailable', reason: 'POST /api/v1/reviews answered 404' });
    expect(report.cycles).toMatchObject({ state: 'rejected', calls: 2 });
    // A 404 about a record is a refusal, not a missing endpoint.
    expect(report['cycles.patch']).toMatchObject({
      state: 'rejected',
      error: expect.stringContaining('no cycle c-1'),
    });
    expect(report.judgments).toEqual({ state: 'ok', calls: 0 });
    // Reviews were tried once only; each problem is logged once.
    expect(seen.filter((s) => s.path === '/api/v1/reviews')).toHaveLength(1);
    expect(lines.filter((l) => l.includes('/api/v1/cycles answered 400'))).toHaveLength(1);
    expect(lines.some((l) => l.includes('reviews are kept in the ground truth only'))).toBe(true);
    expect(seen.every((s) => s.auth === 'Bearer secret-key-1234567')).toBe(true);
    expect(JSON.parse(seen[0]!.body)).toEqual({ evals: [evalBody, evalBody] });
  });

  it('does nothing without an API URL, and says so', async () => {
    const api = new FlywheelApiClient(null, undefined, () => {});
    await api.postEvals([]);
    expect(api.report().cycles).toEqual({ state: 'skipped', reason: 'no API URL given' });
  });
});
