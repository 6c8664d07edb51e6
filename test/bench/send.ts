/** What sending a set of OTLP bodies took. */
export interface Sent {
  seconds: number;
  /** Per request, from its first attempt to its 200, in milliseconds. */
  latencies: number[];
  /** Answers 429 or 503 (each retried after its Retry-After, as an exporter would). */
  refused: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** POSTs one body until it is acknowledged; throws on any answer an exporter would not retry. */
async function post(
  url: string,
  body: Uint8Array,
  headers: Record<string, string>,
  onRefused: () => void,
): Promise<void> {
  for (;;) {
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-protobuf', ...headers },
    });
    const answer = await res.arrayBuffer();
    if (res.status === 200) return;
    if (res.status !== 429 && res.status !== 503)
      throw new Error(`HTTP ${res.status}: ${Buffer.from(answer).toString('utf8')}`);
    onRefused();
    await sleep(Math.min(1000, Number(res.headers.get('retry-after') ?? '1') * 1000));
  }
}

/**
 * Sends `bodies` to `url`, either closed loop (`concurrency` requests in flight, each sender starting
 * its next request when the last is answered: the maximum rate) or open loop (one request every
 * `intervalMs`, whatever is still in flight: a fixed offered rate, for latency). `headers` go with
 * every request (a project's key); an aborted `signal` stops the open loop from sending more.
 */
export async function send(
  url: string,
  bodies: Uint8Array[],
  how: { concurrency: number } | { intervalMs: number },
  options: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Sent> {
  const latencies: number[] = [];
  let refused = 0;
  const one = async (body: Uint8Array) => {
    const start = performance.now();
    await post(url, body, options.headers ?? {}, () => refused++);
    latencies.push(performance.now() - start);
  };
  const started = performance.now();
  if ('concurrency' in how) {
    let next = 0;
    await Promise.all(
      Array.from({ length: how.concurrency }, async () => {
        while (next < bodies.length) await one(bodies[next++]!);
      }),
    );
  } else {
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < bodies.length && options.signal?.aborted !== true; i++) {
      const due = started + i * how.intervalMs;
      if (due > performance.now()) await sleep(due - performance.now());
      inFlight.push(one(bodies[i]!));
    }
    await Promise.all(inFlight);
  }
  return { seconds: (performance.now() - started) / 1000, latencies, refused };
}
