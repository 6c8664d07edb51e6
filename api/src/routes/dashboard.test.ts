import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestCounters, parseKeys, type BatchWriter, type Rows } from '@flywheel/collector';
import type { ClickHouseClient } from '@flywheel/storage';
import { createApiApp } from '../app';

// The dashboard route is tested inside the real API composition, so its place after the API routes is
// part of what is checked. None of these requests reaches the engine.
// Written out in full: the header is the contract, whatever builds it.
const CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let dir: string;
const app = (dashboardDir: string, keys?: string) =>
  createApiApp({
    client: {} as ClickHouseClient,
    keys: parseKeys(keys),
    writer: {} as BatchWriter<Rows>,
    counters: new IngestCounters(),
    dashboardDir,
  });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flywheel-dashboard-'));
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>Flywheel</title>');
  writeFileSync(join(dir, 'dist', 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'dist', 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'outside dist');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dashboard route', () => {
  it('serves index.html at / with a strict CSP and security headers', async () => {
    const res = await app(join(dir, 'dist')).request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>Flywheel</title>');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    // Plain HTTP: pinning HTTPS is for a TLS proxy in front to decide.
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers client-side routes with index.html so a reload keeps the page', async () => {
    for (const path of ['/velocity', '/explorer/req-1?gate=rejected', '/alarms?state=firing', '/assets']) {
      const res = await app(join(dir, 'dist')).request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-security-policy'), path).toBe(CSP);
      expect(await res.text()).toContain('<title>Flywheel</title>');
    }
  });

  it('serves hashed assets with their type and a long cache', async () => {
    const res = await app(join(dir, 'dist')).request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
    const css = await app(join(dir, 'dist')).request('/assets/index-abc123.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const res = await app(join(dir, 'dist')).request('/', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('answers a missing asset with 404, never with index.html', async () => {
    const res = await app(join(dir, 'dist')).request('/assets/missing-123.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
  });

  it('never serves a file outside dist', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/%00',
    ]) {
      const res = await app(join(dir, 'dist')).request(path);
      expect(await res.text(), path).not.toContain('outside dist');
    }
  });

  it('keeps the JSON 404 for unknown API paths and other methods', async () => {
    for (const path of ['/api/v1/nope', '/api/nope', '/v1/traces']) {
      const res = await app(join(dir, 'dist')).request(path);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({ error: `no route for GET ${path}` });
    }
    const post = await app(join(dir, 'dist')).request('/explorer', { method: 'POST' });
    expect(post.status).toBe(404);
    expect(await post.json()).toEqual({ error: 'no route for POST /explorer' });
  });

  it('needs no key for the page itself when keys are configured; the API still does', async () => {
    const keyed = app(join(dir, 'dist'), 'acme:acme-secret-0123456789');
    expect((await keyed.request('/cycles')).status).toBe(200);
    expect((await keyed.request('/api/v1/interactions')).status).toBe(401);
  });

  it('says how to build the dashboard when dist is missing', async () => {
    const res = await app(join(dir, 'nothing-here')).request('/');
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(text).toContain('pnpm --filter @flywheel/dashboard build');
    expect(text).toContain('pnpm start');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
  });

  it('serves the dashboard once it is built, without a restart', async () => {
    const later = join(dir, 'built-later');
    const server = app(later);
    expect((await server.request('/velocity')).status).toBe(503);
    mkdirSync(later);
    writeFileSync(join(later, 'index.html'), '<!doctype html><title>Later</title>');
    const res = await server.request('/velocity');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Later</title>');
  });
});
