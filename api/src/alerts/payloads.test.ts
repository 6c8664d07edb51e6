import { describe, expect, it } from 'vitest';
import type { Alarm } from '../alarms/types';
import { maskSecrets, projectAlertsSchema, unmaskSecrets } from './config';
import { pagerDutyBody, signWebhook, slackBody, verifyWebhookSignature, webhookBody } from './payloads';

const alarm: Alarm = {
  id: 'a1',
  projectId: 'p',
  kind: 'regression_after_deploy',
  severity: 'critical',
  workloadId: 'support',
  modelVersion: 'v2',
  state: 'firing',
  firedAt: '2026-11-10 00:00:00.000000',
  resolvedAt: null,
  evaluatedAt: '2026-11-10 00:00:00.000000',
  evidence: { deltaPoints: -8.2, pValue: 0.0001, parentVersion: 'v1' },
  recommendation: 'Roll back support to v1',
};
const link = 'http://flywheel.example/alarms?alarm=a1';

describe('webhook signature', () => {
  const secret = 'whsec-0123456789abcdef';
  const body = webhookBody({ action: 'trigger', alarm, link });
  const now = 1_800_000_000;
  const signature = signWebhook(secret, now, body);

  it('verifies a fresh, untampered delivery', () => {
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, { timestamp: String(now), signature }, body, now + 10)).toBe(true);
  });
  it('rejects a tampered body, a wrong secret, and a replay outside the tolerance', () => {
    expect(
      verifyWebhookSignature(secret, { timestamp: String(now), signature }, body.replace('v2', 'v3'), now),
    ).toBe(false);
    expect(
      verifyWebhookSignature('another-secret-000000', { timestamp: String(now), signature }, body, now),
    ).toBe(false);
    expect(verifyWebhookSignature(secret, { timestamp: String(now), signature }, body, now + 301)).toBe(
      false,
    );
    expect(verifyWebhookSignature(secret, { timestamp: null, signature }, body, now)).toBe(false);
  });
  it('carries the alarm and the link', () => {
    expect(JSON.parse(body)).toMatchObject({
      event: 'alarm.fired',
      link,
      alarm: { id: 'a1', recommendation: 'Roll back support to v1' },
    });
  });
});

describe('Slack and PagerDuty payloads', () => {
  it('Slack: readable text with recommendation, evidence and link', () => {
    const slack = JSON.parse(slackBody({ action: 'trigger', alarm, link })) as {
      text: string;
      blocks: Array<{ text: { text: string } }>;
    };
    expect(slack.text).toBe('Regression after deploy: support v2: Roll back support to v1');
    const all = slack.blocks.map((b) => b.text.text).join('\n');
    expect(all).toContain('*deltaPoints*: -8.2');
    expect(all).toContain(`<${link}|Open the evidence in Flywheel>`);
  });
  it('PagerDuty: trigger and resolve share the dedup key', () => {
    const trigger = JSON.parse(pagerDutyBody({ action: 'trigger', alarm, link }, 'rk')) as Record<
      string,
      unknown
    >;
    expect(trigger).toMatchObject({
      routing_key: 'rk',
      event_action: 'trigger',
      dedup_key: 'a1',
      payload: { severity: 'critical', source: 'flywheel', class: 'regression_after_deploy' },
      links: [{ href: link }],
    });
    const resolve = JSON.parse(pagerDutyBody({ action: 'resolve', alarm, link }, 'rk'));
    expect(resolve).toEqual({ routing_key: 'rk', event_action: 'resolve', dedup_key: 'a1' });
  });
});

describe('secrets in the configuration', () => {
  const config = projectAlertsSchema.parse({
    destinations: [
      {
        type: 'webhook',
        name: 'hook',
        url: 'https://ops.example/hook?token=abc',
        secret: 'whsec-0123456789abcdef',
      },
      { type: 'slack', name: 'slack', url: 'https://hooks.slack.com/services/T0/B0/XYZ' },
      { type: 'pagerduty', name: 'pd', routingKey: 'R0UTINGKEY' },
    ],
  });
  it('never shows secrets, routing keys or secret URL parts', () => {
    const shown = JSON.stringify(maskSecrets(config));
    for (const secret of ['whsec-0123456789abcdef', 'token=abc', 'R0UTINGKEY', 'XYZ'])
      expect(shown).not.toContain(secret);
  });
  it('keeps stored secrets when the masked form is sent back', () => {
    expect(unmaskSecrets(maskSecrets(config), config)).toEqual(config);
  });
});
