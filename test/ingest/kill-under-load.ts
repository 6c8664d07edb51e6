import { join } from 'node:path';
import { createStorage } from '@flywheel/storage';
import { finished, spawnCli, started } from '../support/process';

/**
 * `kill -9` of a server under load, again and again: senders keep POSTing OTLP requests, each retried
 * (as an exporter retries) until it is acknowledged, across restarts; the server is killed with SIGKILL
 * at a random moment of each run. Afterwards every acknowledged request must be stored exactly once,
 * every span of it once, and nothing else: no acknowledged span lost, no retried one counted twice.
 */
export interface KillRunOptions {
  /** Flywheel's `--data` directory (the embedded engine lives in its `data` folder). */
  dataDir: string;
  kills: number;
  /** Spans per request, each with its own request id. */
  spansPerRequest?: number;
  /** Requests in flight. */
  senders?: number;
  /** The moment of each kill: uniformly this many milliseconds after the server answered its first request. */
  killWindowMs?: [number, number];
  seed?: number;
  log?: (line: string) => void;
}

export interface KillRunResult {
  acknowledgedRequests: number;
  /** Answers other than 200 (429, 503) and failed connections, each retried. */
  retries: number;
  /** Stored spans (FINAL) per request id prefix of an acknowledged request. */
  storedSpans: number;
  expectedSpans: number;
  /** Acknowledged requests with fewer spans stored than sent. */
  lost: string[];
  /** Spans counted more than once by a read with FINAL (as every read that counts is): must be 0. */
  duplicatedWithFinal: number;
  /** Extra physical copies before deduplication: requests committed, killed before their 200, retried. */
  copiesBeforeMerge: number;
  /** Requests sent (every one of them was retried until acknowledged). */
  sentRequests: number;
  /** Spans stored that belong to no request that was sent. */
  unexpected: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function body(request: number, spans: number): string {
  const base = 1_761_991_200_000_000_000n + BigInt(request) * 1_000_000_000n;
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'kill-app' } }] },
        scopeSpans: [
          {
            spans: Array.from({ length: spans }, (_, i) => ({
              traceId: (request + 1).toString(16).padStart(32, '0'),
              spanId: (request * 1000 + i + 1).toString(16).padStart(16, '0'),
              name: 'chat m',
              startTimeUnixNano: String(base + BigInt(i) * 1000n),
              endTimeUnixNano: String(base + BigInt(i) * 1000n + 500_000_000n),
              attributes: [
                { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } },
                { key: 'flywheel.request_id', value: { stringValue: `kill-${request}-${i}` } },
                {
                  key: 'gen_ai.input.messages',
                  value: {
                    stringValue: JSON.stringify([
                      { role: 'user', parts: [{ type: 'text', content: `question ${request} ${i}` }] },
                    ]),
                  },
                },
              ],
            })),
          },
        ],
      },
    ],
  });
}

export async function killUnderLoad(options: KillRunOptions): Promise<KillRunResult> {
  const spans = options.spansPerRequest ?? 50;
  const senders = options.senders ?? 3;
  const [minKill, maxKill] = options.killWindowMs ?? [200, 2500];
  const random = rng(options.seed ?? 14);
  const log = options.log ?? (() => {});
  const acknowledged = new Set<number>();
  let nextRequest = 0;
  let retries = 0;
  let url = '';
  let stopping = false;

  // Each sender owns one request at a time and retries it until it is acknowledged, whichever server is up.
  const sender = async () => {
    while (!stopping) {
      const request = nextRequest++;
      const payload = body(request, spans);
      for (;;) {
        try {
          const res = await fetch(url, {
            method: 'POST',
            body: payload,
            headers: { 'content-type': 'application/json' },
          });
          await res.arrayBuffer();
          if (res.status === 200) {
            acknowledged.add(request);
            break;
          }
          if (res.status !== 429 && res.status !== 503) throw new Error(`unexpected HTTP ${res.status}`);
        } catch (error) {
          if ((error as Error).message.startsWith('unexpected HTTP')) throw error;
        }
        retries++;
        await sleep(100);
      }
    }
  };

  const start = async () => {
    const child = spawnCli(['start', '--data', options.dataDir, '--port', '0', '--otlp-port', '0']);
    url = `${(await started(child, 120_000)).otlpUrl}/v1/traces`;
    return child;
  };

  let child = await start();
  const sending = Array.from({ length: senders }, sender);
  for (let kill = 1; kill <= options.kills; kill++) {
    const before = acknowledged.size;
    while (acknowledged.size === before) await sleep(20);
    await sleep(minKill + random() * (maxKill - minKill));
    child.kill('SIGKILL');
    await finished(child);
    log(`kill ${kill}: ${acknowledged.size} requests acknowledged so far`);
    child = await start();
  }
  // Every sender finishes the request it holds (acknowledged by the last server), then stops.
  stopping = true;
  await Promise.all(sending);
  child.kill('SIGINT');
  await finished(child);

  const storage = createStorage({
    engine: 'embedded',
    dataDir: join(options.dataDir, 'data'),
    database: 'default',
  });
  try {
    const query = async (sql: string) =>
      (await (await storage.client.query({ query: sql, format: 'JSONEachRow' })).json()) as Array<
        Record<string, string>
      >;
    const perRequest = await query(
      `SELECT splitByChar('-', request_id)[2] AS request, count() AS spans, uniqExact(request_id) AS ids
       FROM interactions FINAL GROUP BY request`,
    );
    const stored = new Map(perRequest.map((r) => [Number(r.request), Number(r.spans)]));
    const duplicated = perRequest.reduce((n, r) => n + Number(r.spans) - Number(r.ids), 0);
    const lost = [...acknowledged].filter((r) => (stored.get(r) ?? 0) < spans).map((r) => `kill-${r}`);
    const unexpected = perRequest.filter((r) => Number(r.request) >= nextRequest).length;
    const [physical] = await query('SELECT count() AS c FROM interactions');
    const final = perRequest.reduce((n, r) => n + Number(r.spans), 0);
    return {
      acknowledgedRequests: acknowledged.size,
      retries,
      storedSpans: [...stored].filter(([r]) => acknowledged.has(r)).reduce((n, [, s]) => n + s, 0),
      expectedSpans: acknowledged.size * spans,
      lost,
      duplicatedWithFinal: duplicated,
      copiesBeforeMerge: Number(physical!.c) - final,
      sentRequests: nextRequest,
      unexpected,
    };
  } finally {
    await storage.close();
  }
}
