import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRowWriter, IngestCounters, parseKeys } from '@flywheel/collector';
import { openTempStorage } from '@flywheel/storage/testing';
import { createApiApp } from '../app';
import { isoTime, name } from './ranges';

// Values outside what the columns hold are the client's mistake: a 400 naming the parameter or field,
// never a 500 from the engine. The cases are those a hostile probe found answered with 500.

let env: Awaited<ReturnType<typeof openTempStorage>>;
let app: ReturnType<typeof createApiApp>;
const json = { 'content-type': 'application/json' };

async function error(res: Response): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(400);
  return ((await res.json()) as { error: string }).error;
}
const post = (path: string, body: unknown, method = 'POST') =>
  app.request(path, { method, headers: json, body: JSON.stringify(body) });

beforeAll(async () => {
  env = await openTempStorage();
  app = createApiApp({
    client: env.storage.client,
    keys: parseKeys(undefined),
    writer: createRowWriter(env.storage.client),
    counters: new IngestCounters(),
  });
});

afterAll(async () => {
  await env?.dispose();
});

describe('the shared range-checked schemas', () => {
  it('take times from 1970 to 2299 after the offset, and nothing else', () => {
    for (const ok of ['1970-01-01T00:00:00Z', '2299-12-31T23:59:59.999999Z', '1970-01-01T01:00:00+01:00'])
      expect(isoTime.safeParse(ok).success, ok).toBe(true);
    for (const bad of [
      '1969-12-31T23:59:59.5Z',
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '2300-01-01T00:00:00Z',
      '1970-01-01T00:30:00+01:00',
      '2299-12-31T23:59:59-01:00',
    ]) {
      const parsed = isoTime.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message, bad).toMatch(/between 1970-01-01T00:00:00.000000Z and 2299/);
    }
  });

  it('refuses lone surrogates, which have no UTF-8 encoding', () => {
    expect(name.safeParse('v1 🧪').success).toBe(true);
    for (const bad of ['\ud800', 'a\udc00', '\ud83d']) expect(name.safeParse(bad).success, bad).toBe(false);
  });
});

describe('400 naming the parameter, where the engine would have failed', () => {
  it('asOf, from and to outside the columns’ range', async () => {
    for (const time of ['1969-12-31T23:59:59.5Z', '0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      const t = encodeURIComponent(time);
      expect(await error(await app.request(`/api/v1/velocity?asOf=${t}`))).toMatch(/^asOf: /);
      expect(await error(await app.request(`/api/v1/interactions?from=${t}`))).toMatch(/^from: /);
      expect(await error(await app.request(`/api/v1/checks/drift?to=${t}`))).toMatch(/^to: /);
      expect(await error(await app.request(`/api/v1/alarms/evaluate?asOf=${t}`, { method: 'POST' }))).toMatch(
        /^asOf: /,
      );
    }
  });

  it('pre-1970 fractional times in cycles, reviews, judgments and evals', async () => {
    const before = '1969-12-31T23:59:59.5Z';
    const cycle = {
      workloadId: 'w',
      modelVersion: 'v2',
      dataWindow: { from: before, to: '2026-01-01T00:00:00Z' },
    };
    expect(await error(await post('/api/v1/cycles', cycle))).toMatch(/^dataWindow\.from: /);
    const labels = { accuracy: true, helpfulness: true, safety: true };
    expect(
      await error(await post('/api/v1/reviews', { requestId: 'r', reviewer: 'a', labels, time: before })),
    ).toMatch(/^time: /);
    expect(
      await error(
        await post('/api/v1/judgments', {
          judgments: [{ requestId: 'r', judgeId: 'j', metric: 'm', passed: true, time: before }],
        }),
      ),
    ).toMatch(/^judgments\[0\]\.time: /);
    expect(
      await error(
        await post('/api/v1/evals', { modelVersion: 'v', goldenSet: 'g', score: 0.5, time: before }),
      ),
    ).toMatch(/^time: /);
  });

  it('ids with lone surrogates, and counts beyond their column', async () => {
    const labels = { accuracy: true, helpfulness: true, safety: true };
    expect(
      await error(await post('/api/v1/reviews', { requestId: '\ud800', reviewer: 'a', labels })),
    ).toMatch(/^requestId: .*lone surrogate/);
    expect(
      await error(
        await post('/api/v1/cycles', {
          id: 'x\udc00',
          workloadId: 'w',
          modelVersion: 'v',
          dataWindow: { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
        }),
      ),
    ).toMatch(/^id: /);
    expect(
      await error(
        await post('/api/v1/evals', {
          modelVersion: 'v',
          goldenSet: 'g',
          score: 0.5,
          n: 2 ** 32,
          time: '2026-01-01T00:00:00Z',
        }),
      ),
    ).toMatch(/^n: /);
    expect(await error(await app.request('/api/v1/interactions?limit=1e400'))).toMatch(/^limit: /);
  });

  it('gate thresholds are JSON numbers: the string "7" is refused', async () => {
    expect(
      await error(await post('/api/v1/gate/config', { config: { minResponseWords: '7' } }, 'PUT')),
    ).toMatch(/^config\.minResponseWords: /);
    expect(await error(await post('/api/v1/gate/config', { config: { maxToxicity: '0.5' } }, 'PUT'))).toMatch(
      /^config\.maxToxicity: /,
    );
    expect(
      await error(await post('/api/v1/gate/config', { config: { minPromptChars: 2 ** 40 } }, 'PUT')),
    ).toMatch(/^config\.minPromptChars: /);
    const saved = await post('/api/v1/gate/config', { config: { minResponseWords: 7 } }, 'PUT');
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { config: { minResponseWords: number } }).config.minResponseWords).toBe(
      7,
    );
    // The query string is text by nature: there "7" is the number 7.
    expect((await app.request('/api/v1/gate?minResponseWords=7')).status).toBe(200);
  });

  it('alert destinations are http or https URLs', async () => {
    for (const url of [
      'javascript:alert(document.cookie)',
      'file:///etc/passwd',
      'data:text/html,x',
      'ftp://x.example/',
    ]) {
      const body = { destinations: [{ type: 'slack', name: 'team', url }] };
      expect(await error(await post('/api/v1/alerts/config', body, 'PUT')), url).toMatch(
        /^destinations\[0\]\.url: must be an http:\/\/ or https:\/\/ URL/,
      );
    }
    const webhook = { type: 'webhook', name: 'hook', url: 'file:///tmp/x', secret: 's'.repeat(16) };
    expect(await error(await post('/api/v1/alerts/config', { destinations: [webhook] }, 'PUT'))).toMatch(
      /url/,
    );
    const pagerduty = { type: 'pagerduty', name: 'pd', routingKey: 'k', url: 'javascript:x' };
    expect(await error(await post('/api/v1/alerts/config', { destinations: [pagerduty] }, 'PUT'))).toMatch(
      /url/,
    );
    const ok = {
      destinations: [{ type: 'slack', name: 'team', url: 'https://hooks.slack.com/services/T/B/C' }],
    };
    expect((await post('/api/v1/alerts/config', ok, 'PUT')).status).toBe(200);
  });
});
