import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver } from '../../../test/support/receiver';
import type { Alarm } from '../alarms/types';
import type { Destination } from './config';
import { deliver, type AttemptResult } from './deliver';
import { verifyWebhookSignature } from './payloads';

const alarm = {
  id: 'a1',
  projectId: 'p',
  kind: 'pass_rate_collapse',
  severity: 'warning',
  workloadId: 'w',
  modelVersion: '',
  state: 'firing',
  firedAt: '',
  resolvedAt: null,
  evaluatedAt: '',
  evidence: {},
  recommendation: 'check',
} as Alarm;
const fast = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 300 };
const receivers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => Promise.all(receivers.splice(0).map((r) => r.close())));

async function run(script: Array<number | 'hang'>, type: Destination['type'] = 'webhook') {
  const receiver = await startReceiver(script);
  receivers.push(receiver);
  const destination: Destination =
    type === 'webhook'
      ? { type, name: 'hook', url: `${receiver.url}/hook`, secret: 'whsec-0123456789abcdef' }
      : type === 'slack'
        ? { type, name: 'slack', url: `${receiver.url}/slack` }
        : { type, name: 'pd', routingKey: 'rk-secret', url: `${receiver.url}/v2/enqueue` };
  const attempts: AttemptResult[] = [];
  const last = await deliver(
    destination,
    { action: 'trigger', alarm, link: 'http://x/alarms' },
    fast,
    (a) => void attempts.push(a),
  );
  return { receiver, attempts, last };
}

describe('alert delivery', () => {
  it('retries 500s with backoff until delivered, signing every attempt afresh', async () => {
    const { receiver, attempts, last } = await run([500, 503]);
    expect(attempts.map((a) => [a.attempt, a.ok, a.httpStatus, a.willRetry])).toEqual([
      [1, false, 500, true],
      [2, false, 503, true],
      [3, true, 200, false],
    ]);
    expect(last.ok).toBe(true);
    for (const r of receiver.received) {
      expect(
        verifyWebhookSignature(
          'whsec-0123456789abcdef',
          {
            timestamp: r.headers['x-flywheel-timestamp'] as string,
            signature: r.headers['x-flywheel-signature'] as string,
          },
          r.body,
        ),
      ).toBe(true);
    }
  });

  it('retries a time-out', async () => {
    const { attempts } = await run(['hang']);
    expect(attempts[0]).toMatchObject({ ok: false, error: 'timed out after 300 ms', willRetry: true });
    expect(attempts.at(-1)).toMatchObject({ ok: true });
  });

  it('does not retry a 4xx other than 429, and gives up after the last attempt', async () => {
    expect((await run([400])).attempts).toHaveLength(1);
    expect((await run([429])).attempts.map((a) => a.httpStatus)).toEqual([429, 200]);
    const failing = await run([500, 500, 500, 500, 500]);
    expect(failing.attempts).toHaveLength(4);
    expect(failing.last).toMatchObject({ ok: false, willRetry: false, error: 'HTTP 500' });
  });

  it('reports network failures without the URL or secrets', async () => {
    const attempts: AttemptResult[] = [];
    const closed = await startReceiver();
    await closed.close();
    await deliver(
      { type: 'pagerduty', name: 'pd', routingKey: 'rk-secret', url: `${closed.url}/v2/enqueue` },
      { action: 'trigger', alarm, link: '' },
      { ...fast, maxAttempts: 2 },
      (a) => void attempts.push(a),
    );
    expect(attempts.map((a) => a.error)).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
  });
});
