import fc from 'fast-check';
import { operationsOf, requestsFor, type HostileRequest } from '@flywheel/api/testing';
import { otlpBody } from './otlp-bodies';
import { otlpLogsBody } from './otlp-logs';

// The fuzz harness: hostile bodies to a running Flywheel over real HTTP (OTLP traces as protobuf and
// JSON, the signals endpoint on both ports, every route of the OpenAPI document), while /healthz is
// timed alongside. Seeded: the same seed sends the same bodies in the same order.

export interface FuzzTarget {
  apiUrl: string;
  otlpUrl: string;
  /** False once the server process has exited. */
  alive(): boolean;
  /** The server's peak resident memory so far, when it can be read. */
  peakRssBytes(): number | undefined;
}

export interface FuzzOptions {
  bodies: number;
  seed: number;
  concurrency: number;
  /** Progress lines with the figures so far (every 10% of the bodies, at most 5,000 apart). */
  log?: (line: string) => void;
  /** Asked before each body: true ends the run early, with the report of what was sent. */
  stopping?: () => boolean;
}

/** A request that got a 5xx, timed out, or was in flight when the server died: enough to send it again. */
export interface Reproducer {
  problem: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Base64, so binary protobuf survives the report. */
  bodyBase64: string;
}

export interface FuzzReport {
  seed: number;
  bodies: number;
  byTarget: Record<'otlp' | 'logs' | 'signals' | 'api', number>;
  /** Mean time to the answer per target, ms. */
  meanMsByTarget: Record<'otlp' | 'logs' | 'signals' | 'api', number>;
  statuses: Record<string, number>;
  /** 5xx answers, except 503/429 back-pressure that carries Retry-After. */
  serverErrors: number;
  backPressure: number;
  timeouts: number;
  /** Connections the server closed without an answer (e.g. while refusing an oversized upload). */
  transportErrors: number;
  crashed: boolean;
  maxHealthzMs: number;
  healthzNon200: number;
  /** What /healthz said when it was not 200 (the first few). */
  healthzProblems: string[];
  peakRssMiB: number | null;
  seconds: number;
  reproducers: Reproducer[];
}

type Tagged = HostileRequest & { target: 'otlp' | 'logs' | 'signals' | 'api'; rawBody?: Uint8Array };

const REQUEST_TIMEOUT_MS = 60_000;
const CHUNK = 500;
const MAX_REPRODUCERS = 20;

/** Every request the harness may send, tagged with where it goes. */
async function requestArbitrary(apiUrl: string): Promise<fc.Arbitrary<Tagged>> {
  const document = (await (await fetch(`${apiUrl}/api/openapi.json`)).json()) as unknown;
  const operations = operationsOf(document);
  const signals = operations.find((o) => o.path === '/api/v1/signals');
  if (!signals) throw new Error('the OpenAPI document has no POST /api/v1/signals');
  const ids = ['fz-1', 'cycle-1'];
  return fc.oneof(
    {
      weight: 40,
      arbitrary: otlpBody.map((b): Tagged => ({
        target: 'otlp',
        method: 'POST',
        url: '/v1/traces',
        headers: { 'content-type': b.contentType },
        rawBody: b.body,
      })),
    },
    {
      weight: 10,
      arbitrary: otlpLogsBody.map((b): Tagged => ({
        target: 'logs',
        method: 'POST',
        url: '/v1/logs',
        headers: { 'content-type': b.contentType },
        rawBody: b.body,
      })),
    },
    { weight: 10, arbitrary: requestsFor(signals).map((r): Tagged => ({ ...r, target: 'signals' })) },
    {
      weight: 40,
      arbitrary: fc
        .oneof(...operations.map((o) => requestsFor(o, ids)))
        .map((r): Tagged => ({ ...r, target: 'api' })),
    },
  );
}

function reproducer(request: Tagged, problem: string): Reproducer {
  const body =
    request.rawBody ?? (request.body !== undefined ? Buffer.from(request.body, 'utf8') : undefined);
  return {
    problem,
    method: request.method,
    url: request.url,
    headers: request.headers,
    bodyBase64: body ? Buffer.from(body).toString('base64').slice(0, 20_000) : '',
  };
}

export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const arbitrary = await requestArbitrary(target.apiUrl);
  const report: FuzzReport = {
    seed: options.seed,
    bodies: 0,
    byTarget: { otlp: 0, logs: 0, signals: 0, api: 0 },
    meanMsByTarget: { otlp: 0, logs: 0, signals: 0, api: 0 },
    statuses: {},
    serverErrors: 0,
    backPressure: 0,
    timeouts: 0,
    transportErrors: 0,
    crashed: false,
    maxHealthzMs: 0,
    healthzNon200: 0,
    healthzProblems: [],
    peakRssMiB: null,
    seconds: 0,
    reproducers: [],
  };
  const note = (r: Reproducer) => {
    if (report.reproducers.length < MAX_REPRODUCERS) report.reproducers.push(r);
  };

  const stopping = options.stopping ?? (() => false);
  const totalMs = { otlp: 0, logs: 0, signals: 0, api: 0 };
  let done = false;
  const health = (async () => {
    while (!done && target.alive()) {
      const t0 = performance.now();
      const probe = () =>
        fetch(`${target.apiUrl}/healthz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      try {
        // Like the bodies: a kept-alive connection closed after an earlier answer is retried once.
        const res = await probe().catch((error: Error) =>
          error.name === 'TimeoutError' ? Promise.reject(error) : probe(),
        );
        const text = await res.text();
        if (res.status !== 200) {
          report.healthzNon200++;
          if (report.healthzProblems.length < 5)
            report.healthzProblems.push(`${res.status} ${text.slice(0, 300)}`);
        }
      } catch (error) {
        report.healthzNon200++;
        if (report.healthzProblems.length < 5) report.healthzProblems.push(String(error));
      }
      report.maxHealthzMs = Math.max(report.maxHealthzMs, performance.now() - t0);
      target.peakRssBytes(); // sampled while the server lives: after a crash the last reading stands
      await new Promise((r) => setTimeout(r, 200));
    }
  })();

  async function send(request: Tagged, retry = true): Promise<void> {
    const base = request.target === 'api' ? target.apiUrl : target.otlpUrl;
    const body = request.rawBody ?? request.body;
    const t0 = performance.now();
    try {
      const res = await fetch(base + request.url, {
        method: request.method,
        headers: request.headers,
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await res.arrayBuffer();
      totalMs[request.target] += performance.now() - t0;
      report.statuses[res.status] = (report.statuses[res.status] ?? 0) + 1;
      if (res.status >= 500 || res.status === 429) {
        const backPressure = (res.status === 503 || res.status === 429) && res.headers.has('retry-after');
        if (backPressure) report.backPressure++;
        else if (res.status >= 500) {
          report.serverErrors++;
          note(reproducer(request, `${res.status} ${request.target}`));
        }
      }
    } catch (error) {
      // Ctrl-C reaches the child server too: its exit then is no crash.
      if (stopping()) return;
      if (!target.alive()) {
        report.crashed = true;
        note(reproducer(request, 'in flight when the server died'));
      } else if ((error as Error).name === 'TimeoutError') {
        report.timeouts++;
        note(reproducer(request, `no answer in ${REQUEST_TIMEOUT_MS / 1000} s`));
      } else if (retry) {
        // A kept-alive connection the server closed after an earlier answer (413, 431): try a new one.
        await send(request, false);
      } else {
        report.transportErrors++;
        const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
        note(
          reproducer(request, `closed without an answer: ${cause?.code ?? cause?.message ?? String(error)}`),
        );
      }
    }
  }

  const step = Math.max(1, Math.min(5000, Math.floor(options.bodies / 10)));
  // Bodies are generated in seeded chunks, in order, whenever the queue runs dry: the other requests
  // stay in flight meanwhile, so the server never idles while the next chunk is made.
  let queue: Tagged[] = [];
  let chunk = 0;
  let generated = 0;
  const take = (): Tagged | undefined => {
    if (queue.length === 0 && generated < options.bodies) {
      queue = fc.sample(arbitrary, {
        seed: options.seed + chunk++,
        numRuns: Math.min(CHUNK, options.bodies - generated),
      });
      generated += queue.length;
    }
    return queue.shift();
  };
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      for (let request = take(); request && !report.crashed && !stopping(); request = take()) {
        report.byTarget[request.target]++;
        report.bodies++;
        if (report.bodies % step === 0)
          options.log?.(
            `fuzz: ${report.bodies} bodies in ${Math.round((performance.now() - started) / 1000)} s, ` +
              `5xx ${report.serverErrors}, unanswered ${report.timeouts + report.transportErrors}, ` +
              `max /healthz ${Math.round(report.maxHealthzMs)} ms, peak RSS ${Math.round((target.peakRssBytes() ?? 0) / 2 ** 20)} MiB`,
          );
        await send(request);
        if (!target.alive() && !stopping()) report.crashed = true;
      }
    }),
  );
  done = true;
  await health;
  for (const t of ['otlp', 'logs', 'signals', 'api'] as const)
    report.meanMsByTarget[t] = Math.round(totalMs[t] / Math.max(1, report.byTarget[t]));
  const rss = target.peakRssBytes();
  report.peakRssMiB = rss === undefined ? null : Math.round(rss / (1024 * 1024));
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  return report;
}
