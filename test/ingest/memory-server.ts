import { startTestFlywheel } from '@flywheel/server/testing';

/**
 * A whole Flywheel in a child process, so that its peak resident memory is its own (the test process
 * holds the request bodies). Started with `fork`; the memory soft limit comes from the environment.
 * Requests: `peak` (peak and current resident bytes), `count` (interactions whose request id starts with
 * `prefix`), `stop`.
 */
export type MemoryServerRequest = { type: 'peak' } | { type: 'count'; prefix: string } | { type: 'stop' };

const fw = await startTestFlywheel({ memorySoftLimitBytes: Number(process.env.FLYWHEEL_TEST_SOFT_LIMIT) });
const send = (message: unknown) => process.send!(message);
send({ otlpUrl: fw.otlpUrl, rss: process.memoryUsage.rss() });

process.on('message', (request: MemoryServerRequest) => {
  if (request.type === 'peak') {
    // maxRSS is in kilobytes.
    send({ peak: process.resourceUsage().maxRSS * 1024, rss: process.memoryUsage.rss() });
  } else if (request.type === 'count') {
    void fw.storage.client
      .query({
        query: 'SELECT count() AS c FROM interactions FINAL WHERE startsWith(request_id, {p:String})',
        query_params: { p: request.prefix },
        format: 'JSONEachRow',
      })
      .then((result) => result.json<{ c: string }>())
      .then((rows) => send({ count: Number(rows[0]!.c) }));
  } else {
    void fw.dispose().then(() => process.exit(0));
  }
});
