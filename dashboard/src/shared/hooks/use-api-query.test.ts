import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiRequest } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import { createQueryClient } from '../../app/query-client';
import { apiQueryOptions } from '../../api/query-options';

/** A server that counts what it is asked, and answers 200 or the status set for a path. */
function server(statuses: Record<string, number> = {}) {
  const asked: string[] = [];
  const fetchImpl = (async (url: string) => {
    asked.push(url);
    const status = statuses[new URL(url, 'http://x').pathname] ?? 200;
    const body = status === 200 ? { items: [], workloads: [], buckets: [] } : { error: 'no' };
    return new Response(JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { asked, client: createApiClient({ getKey: () => null, fetchImpl }) };
}

describe('the shared cache of API requests', () => {
  it('asks once for what the overview and the velocity page both need', async () => {
    const { asked, client } = server();
    const queries = createQueryClient(() => {});
    const range = { from: '2026-08-01', to: '2026-09-01' };
    // What the overview loads, then what the velocity page loads for the same scope.
    const overview: ApiRequest<unknown>[] = [
      endpoints.velocity({ ...range, bucket: 'day' }),
      endpoints.cycles({}),
      endpoints.alarms({ state: 'firing' }),
    ];
    const velocity: ApiRequest<unknown>[] = [
      endpoints.velocity({ bucket: 'day', to: range.to, from: range.from, workload: undefined }),
      endpoints.gate({ ...range, bucket: 'day' }),
      endpoints.cycles({}),
      endpoints.alarms({}),
    ];
    await Promise.all(overview.map((r) => queries.fetchQuery(apiQueryOptions(client, r))));
    await Promise.all(velocity.map((r) => queries.fetchQuery(apiQueryOptions(client, r))));
    expect(asked.sort()).toEqual([
      '/api/v1/alarms',
      '/api/v1/alarms?state=firing',
      '/api/v1/cycles',
      '/api/v1/gate?from=2026-08-01&to=2026-09-01&bucket=day',
      '/api/v1/velocity?from=2026-08-01&to=2026-09-01&bucket=day',
    ]);
  });

  it('reports a refused key, and does not retry a 4xx', async () => {
    const { asked, client } = server({ '/api/v1/alarms': 401, '/api/v1/cycles': 400 });
    let refused = 0;
    const queries = createQueryClient(() => refused++);
    await expect(queries.fetchQuery(apiQueryOptions(client, endpoints.alarms({})))).rejects.toMatchObject({
      kind: 'unauthorized',
    });
    await expect(queries.fetchQuery(apiQueryOptions(client, endpoints.cycles({})))).rejects.toMatchObject({
      kind: 'bad_request',
    });
    expect(refused).toBe(1);
    expect(asked).toEqual(['/api/v1/alarms', '/api/v1/cycles']);
  });

  it('asks once more when the server did not answer', async () => {
    let calls = 0;
    const fetchImpl = (async () => {
      calls++;
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    const client = createApiClient({ getKey: () => null, fetchImpl });
    const queries = createQueryClient(() => {});
    await expect(queries.fetchQuery(apiQueryOptions(client, endpoints.alarms({})))).rejects.toMatchObject({
      kind: 'network',
    });
    expect(calls).toBe(2);
  });
});
