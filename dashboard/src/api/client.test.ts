import { describe, expect, it } from 'vitest';
import { buildUrl, createApiClient } from './client';
import { endpoints } from './endpoints';
import { ApiError } from './errors';

function stub(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a failure');
}

describe('the typed API client', () => {
  it('sends the pasted key as a bearer token and no cookies', async () => {
    const { calls, fetchImpl } = stub(200, { items: [] });
    const client = createApiClient({ getKey: () => 'k-0123456789abcdef', fetchImpl });
    expect(await client.send(endpoints.interactions({ workload: 'support-chat', limit: 50 }))).toEqual({
      items: [],
    });
    expect(calls[0]!.url).toBe('/api/v1/interactions?workload=support-chat&limit=50');
    expect(calls[0]!.init.headers).toMatchObject({ authorization: 'Bearer k-0123456789abcdef' });
    expect(calls[0]!.init.credentials).toBe('omit');
  });

  it('sends no authorization header without a key', async () => {
    const { calls, fetchImpl } = stub(200, { items: [] });
    await createApiClient({ getKey: () => null, fetchImpl }).send(endpoints.interactions({}));
    expect(calls[0]!.init.headers).not.toHaveProperty('authorization');
  });

  it('tells an endpoint this server does not have from other errors', async () => {
    const missing = stub(404, { error: 'no route for GET /api/v1/checks/drift' });
    const error = await failure(
      createApiClient({ getKey: () => null, fetchImpl: missing.fetchImpl }).send(
        endpoints.check('drift', {}),
      ),
    );
    expect(error.kind).toBe('not_available');

    const refused = stub(401, { error: 'missing or invalid key' });
    expect(
      (
        await failure(
          createApiClient({ getKey: () => null, fetchImpl: refused.fetchImpl }).send(endpoints.alarms({})),
        )
      ).kind,
    ).toBe('unauthorized');

    const bad = stub(400, { error: 'from: must be before to' });
    const badError = await failure(
      createApiClient({ getKey: () => null, fetchImpl: bad.fetchImpl }).send(endpoints.velocity({})),
    );
    expect(badError).toMatchObject({ kind: 'bad_request', message: 'from: must be before to' });
  });

  it('answers null for an interaction the server does not have', async () => {
    const { fetchImpl } = stub(404, { error: "no interaction with request id 'x'" });
    const client = createApiClient({ getKey: () => null, fetchImpl });
    await expect(client.send(endpoints.interaction('x'))).resolves.toBeNull();
    // Only the interaction reads a 404 as "none": elsewhere it stays an error.
    expect((await failure(client.send(endpoints.cycles({})))).kind).toBe('bad_request');
  });

  it('fails with an ApiError when the body is not JSON', async () => {
    const fetchImpl = (async () =>
      new Response('<html>proxy</html>', { status: 200 })) as unknown as typeof fetch;
    const error = await failure(
      createApiClient({ getKey: () => null, fetchImpl }).send(endpoints.alarms({})),
    );
    expect(error).toMatchObject({ kind: 'server', path: '/api/v1/alarms' });
  });

  it('sends only the parameters that are set, so an unset one cannot split the cache', () => {
    const a = endpoints.velocity({ workload: undefined, from: '2026-01-01', to: '', bucket: 'day' });
    const b = endpoints.velocity({ bucket: 'day', from: '2026-01-01' });
    expect(a.query).toEqual({ from: '2026-01-01', bucket: 'day' });
    expect(b.query).toEqual(a.query);
    expect(endpoints.interaction('a/b').path).toBe('/api/v1/interactions/a%2Fb');
  });

  it('leaves empty parameters out of the URL and encodes the rest', () => {
    expect(buildUrl('', '/api/v1/gate', { workload: 'a b&c', from: undefined, to: '', bucket: 'day' })).toBe(
      '/api/v1/gate?workload=a+b%26c&bucket=day',
    );
  });
});
