import { startFakeServer } from './fake-server';
import type { FakeServer } from './fake-server';

/** Accepts OTLP/HTTP exports and answers like a collector: an empty success in the request's encoding. */
export function startFakeOtlpReceiver(): Promise<FakeServer> {
  return startFakeServer((request, res) => {
    const json = request.headers['content-type'] === 'application/json';
    const body = json ? '{}' : '';
    res.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
    res.end(body);
  });
}
