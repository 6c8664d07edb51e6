import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Alarm } from '../alarms/types';

export type AlertAction = 'trigger' | 'resolve' | 'test';

export interface AlertMessage {
  action: AlertAction;
  alarm: Alarm;
  /** Absolute link to the dashboard view that shows the alarm's evidence. */
  link: string;
}

const TITLES: Record<string, string> = {
  regression_after_deploy: 'Regression after deploy',
  negative_flywheel: 'Negative flywheel',
  regeneration_spike: 'Regeneration spike',
  pass_rate_collapse: 'Gate pass rate collapse',
  negative_cycle_delta: 'Negative cycle delta',
  drift: 'Metric drift',
  sycophancy: 'Sycophancy',
  latency_bias: 'Latency bias',
  judge_agreement: 'Judge–human agreement',
  test: 'Test alert',
};

export function title(message: AlertMessage): string {
  const { alarm, action } = message;
  const what = `${TITLES[alarm.kind] ?? alarm.kind}: ${alarm.workloadId}${alarm.modelVersion ? ` ${alarm.modelVersion}` : ''}`;
  return action === 'resolve' ? `Resolved: ${what}` : what;
}

/** Generic webhook: the alarm as JSON. */
export function webhookBody(message: AlertMessage): string {
  return JSON.stringify({
    event:
      message.action === 'trigger'
        ? 'alarm.fired'
        : message.action === 'resolve'
          ? 'alarm.resolved'
          : 'alarm.test',
    title: title(message),
    link: message.link,
    alarm: message.alarm,
  });
}

/**
 * HMAC-SHA256 over `<timestamp>.<body>`, sent as `X-Flywheel-Signature: v1=<hex>` with the timestamp in
 * `X-Flywheel-Timestamp`: a receiver that checks both rejects forged and replayed deliveries.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** For receivers: true when the signature matches and the timestamp is within `toleranceSeconds` of now. */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | null; signature: string | null },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (
    !Number.isInteger(timestamp) ||
    Math.abs(nowSeconds - timestamp) > toleranceSeconds ||
    !headers.signature
  )
    return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Slack incoming webhook: a readable message with the recommendation, the evidence and the link. */
export function slackBody(message: AlertMessage): string {
  const { alarm } = message;
  const icon =
    message.action === 'resolve'
      ? ':large_green_circle:'
      : alarm.severity === 'critical'
        ? ':red_circle:'
        : ':large_orange_circle:';
  const facts = Object.entries(alarm.evidence)
    .filter(([, v]) => v === null || typeof v !== 'object')
    .slice(0, 8)
    .map(([k, v]) => `• *${k}*: ${String(v)}`)
    .join('\n');
  return JSON.stringify({
    text: `${title(message)}: ${alarm.recommendation}`,
    blocks: [
      {
        type: 'header',
        text: {
          type: 'plain_text',
          text: `${message.action === 'resolve' ? '✅' : '🚨'} ${title(message)}`.slice(0, 150),
        },
      },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `${icon} *${alarm.severity}* · ${alarm.recommendation}` },
      },
      ...(facts ? [{ type: 'section', text: { type: 'mrkdwn', text: facts } }] : []),
      { type: 'section', text: { type: 'mrkdwn', text: `<${message.link}|Open the evidence in Flywheel>` } },
    ],
  });
}

/** PagerDuty Events API v2: trigger on fire, resolve on recovery, with the alarm id as the dedup key. */
export function pagerDutyBody(message: AlertMessage, routingKey: string): string {
  const { alarm } = message;
  if (message.action === 'resolve') {
    return JSON.stringify({ routing_key: routingKey, event_action: 'resolve', dedup_key: alarm.id });
  }
  return JSON.stringify({
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: alarm.id,
    payload: {
      summary: `${title(message)}: ${alarm.recommendation}`.slice(0, 1024),
      source: 'flywheel',
      severity: alarm.severity === 'critical' ? 'critical' : 'warning',
      component: alarm.workloadId,
      group: alarm.projectId,
      class: alarm.kind,
      custom_details: {
        ...alarm.evidence,
        modelVersion: alarm.modelVersion,
        recommendation: alarm.recommendation,
      },
    },
    links: [{ href: message.link, text: 'Evidence in Flywheel' }],
  });
}
