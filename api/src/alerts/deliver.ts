import type { Destination } from './config';
import { pagerDutyBody, signWebhook, slackBody, webhookBody, type AlertMessage } from './payloads';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  timeoutMs: 5_000,
};

export interface AttemptResult {
  attempt: number;
  ok: boolean;
  httpStatus: number;
  /** Never contains the destination's URL or secrets. */
  error: string;
  willRetry: boolean;
}

function request(
  destination: Destination,
  message: AlertMessage,
): { body: string; headers: Record<string, string> } {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'flywheel-alerts',
  };
  if (destination.type === 'slack') return { body: slackBody(message), headers };
  if (destination.type === 'pagerduty')
    return { body: pagerDutyBody(message, destination.routingKey), headers };
  const body = webhookBody(message);
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      ...headers,
      'x-flywheel-timestamp': String(timestamp),
      'x-flywheel-signature': signWebhook(destination.secret, timestamp, body),
    },
  };
}

// 5xx, 429 and network failures are worth retrying; any other 4xx will fail the same way again.
const retryable = (status: number) => status === 0 || status === 429 || status >= 500;

/**
 * Sends one message, retrying with exponential backoff and full jitter. Each attempt is reported to
 * `onAttempt` (the delivery log). Resolves with the last attempt; never throws.
 */
export async function deliver(
  destination: Destination,
  message: AlertMessage,
  policy: RetryPolicy = DEFAULT_RETRY,
  onAttempt: (result: AttemptResult) => Promise<void> | void = () => {},
): Promise<AttemptResult> {
  let last: AttemptResult = { attempt: 0, ok: false, httpStatus: 0, error: 'not sent', willRetry: false };
  for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
    // A webhook's signature is timestamped, so every attempt is signed afresh.
    const { body, headers } = request(destination, message);
    let httpStatus = 0;
    let error = '';
    try {
      const response = await fetch(destination.url, {
        method: 'POST',
        body,
        headers,
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      httpStatus = response.status;
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (e) {
      // The cause's code or message names the failure (ECONNREFUSED, bad port …) without the URL.
      const cause = (e as { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } })
        .cause;
      const code = cause?.code ?? cause?.errors?.[0]?.code;
      error =
        (e as Error).name === 'TimeoutError'
          ? `timed out after ${policy.timeoutMs} ms`
          : (code ?? cause?.message ?? 'network error');
    }
    const ok = error === '';
    const willRetry = !ok && retryable(httpStatus) && attempt < policy.maxAttempts;
    last = { attempt, ok, httpStatus, error, willRetry };
    await onAttempt(last);
    if (!willRetry) return last;
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    await new Promise((r) => setTimeout(r, Math.random() * ceiling));
  }
  return last;
}
