import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmDelivery, AlarmEvaluation, AlarmList } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { insertInteractions, insertSignals, type InteractionRow, type SignalRow } from '@flywheel/storage';
import { startReceiver } from '../support/receiver';
import { DAY, START, dayOfTraffic } from './traffic';

// Constructed traffic with a known story per workload:
//  support:   v1 at 80% for 10 days; v2 deployed on day 10 at 65%; rolled back to v1 on day 13.
//  steady:    v1 at 80%; v2 deployed on day 10 at 84% (the healthy control: nothing may fire).
//  shrinking: v1 at 75%; v2 on day 10 at 55%, never rolled back; volume falls week over week.
let fw: TestFlywheel;
let webhook: Awaited<ReturnType<typeof startReceiver>>;
let slack: Awaited<ReturnType<typeof startReceiver>>;
let pagerduty: Awaited<ReturnType<typeof startReceiver>>;
const SECRET = 'whsec-test-0123456789';

beforeAll(async () => {
  [webhook, slack, pagerduty] = await Promise.all([startReceiver(), startReceiver([500]), startReceiver()]);
  fw = await startTestFlywheel({
    alertRetry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2000 },
  });
  const interactions: InteractionRow[] = [];
  const signals: SignalRow[] = [];
  const add = (t: ReturnType<typeof dayOfTraffic>) => (
    interactions.push(...t.interactions),
    signals.push(...t.signals)
  );
  for (let day = 0; day < 31; day++) {
    add(
      dayOfTraffic({
        workload: 'support',
        version: day >= 10 && day < 13 ? 'v2' : 'v1',
        day,
        n: 300,
        successRate: day >= 10 && day < 13 ? 0.65 : 0.8,
      }),
    );
    add(
      dayOfTraffic({
        workload: 'steady',
        version: day >= 10 ? 'v2' : 'v1',
        day,
        n: 300,
        successRate: day >= 10 ? 0.84 : 0.8,
      }),
    );
    const shrinking = day < 17 ? 300 : day < 24 ? 200 : 130;
    add(
      dayOfTraffic({
        workload: 'shrinking',
        version: day >= 10 ? 'v2' : 'v1',
        day,
        n: shrinking,
        successRate: day >= 10 ? 0.55 : 0.75,
      }),
    );
  }
  await insertInteractions(fw.storage.client, interactions);
  await insertSignals(fw.storage.client, signals);
  const put = await fetch(`${fw.apiUrl}/api/v1/alerts/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      destinations: [
        { type: 'webhook', name: 'oncall-hook', url: `${webhook.url}/hook`, secret: SECRET },
        { type: 'slack', name: 'slack', url: `${slack.url}/services/T0/B0/X` },
        { type: 'pagerduty', name: 'pd', routingKey: 'routing-key-123', url: `${pagerduty.url}/v2/enqueue` },
      ],
    }),
  });
  expect(put.status).toBe(200);
}, 180_000);
afterAll(async () => {
  await fw.dispose();
  await Promise.all([webhook.close(), slack.close(), pagerduty.close()]);
});

const iso = (day: number, hours = 0) => new Date(START + day * DAY + hours * 3600_000).toISOString();
const evaluate = async (asOf: string): Promise<AlarmEvaluation> => {
  const res = await fetch(`${fw.apiUrl}/api/v1/alarms/evaluate?asOf=${asOf}`, { method: 'POST' });
  expect(res.status).toBe(200);
  return (await res.json()) as AlarmEvaluation;
};

describe('alarms over a constructed month, evaluated every 12 hours', () => {
  const fired: AlarmEvaluation['fired'] = [];
  const resolved: AlarmEvaluation['resolved'] = [];

  beforeAll(async () => {
    for (let half = 9 * 2; half <= 31 * 2; half++) {
      const result = await evaluate(iso(0, half * 12));
      fired.push(...result.fired);
      resolved.push(...result.resolved);
    }
    await fw.alarms.notifier.idle();
  }, 300_000);

  it('fires regression_after_deploy for support v2 within two days of the deploy, recommending v1', () => {
    const regression = fired.filter(
      (a) => a.kind === 'regression_after_deploy' && a.workloadId === 'support',
    );
    expect(regression).toHaveLength(1);
    expect(regression[0]!.modelVersion).toBe('v2');
    const after = Date.parse(regression[0]!.firedAt) - (START + 10 * DAY);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThanOrEqual(2 * DAY);
    expect(regression[0]!.recommendation).toMatch(
      /^Roll back support to v1: v2 succeeds 65% against 80% for v1/,
    );
  });

  it('resolves it after the rollback, and pages once per transition', () => {
    const r = resolved.find((a) => a.kind === 'regression_after_deploy' && a.workloadId === 'support');
    expect(r).toBeDefined();
    // A resolved alarm has its time; a null would parse to NaN and fail both bounds.
    const resolvedAt = Date.parse(r!.resolvedAt!);
    expect(resolvedAt).toBeGreaterThan(START + 13 * DAY);
    expect(resolvedAt).toBeLessThanOrEqual(START + 15 * DAY);
  });

  it('fires negative_flywheel for the shrinking workload once volume fell two weeks running', () => {
    const nf = fired.filter((a) => a.kind === 'negative_flywheel');
    expect(nf.map((a) => [a.workloadId, a.modelVersion])).toEqual([['shrinking', 'v2']]);
    expect(Date.parse(nf[0]!.firedAt)).toBeGreaterThanOrEqual(START + 24 * DAY);
  });

  it('raises nothing for the healthy control', () => {
    expect(fired.filter((a) => a.workloadId === 'steady')).toEqual([]);
  });

  it('delivered a signed webhook, a readable Slack message (after a retry) and PagerDuty trigger and resolve with one dedup key', () => {
    const supportId = fired.find(
      (a) => a.kind === 'regression_after_deploy' && a.workloadId === 'support',
    )!.id;
    const hooks = webhook.received.map((r) => r.json as { event: string; alarm: { id: string } });
    expect(hooks.filter((h) => h.alarm.id === supportId).map((h) => h.event)).toEqual([
      'alarm.fired',
      'alarm.resolved',
    ]);
    const pd = pagerduty.received.map(
      (r) => r.json as { event_action: string; dedup_key: string; routing_key: string },
    );
    expect(pd.filter((p) => p.dedup_key === supportId).map((p) => p.event_action)).toEqual([
      'trigger',
      'resolve',
    ]);
    expect(pd[0]!.routing_key).toBe('routing-key-123');
    const texts = slack.received.map((r) => (r.json as { text: string }).text);
    expect(
      texts.filter((t) => t.includes('Regression after deploy: support v2')).map((t) => t.split(':')[0]),
    ).toEqual(['Regression after deploy', 'Resolved']);
    // Slack answered the very first delivery with a 500: that same message was retried and arrived.
    expect(slack.received.filter((r) => r.body === slack.received[0]!.body)).toHaveLength(2);
  });

  it('lists alarms with evidence, recommendation and a link, as of any time', async () => {
    const body = (await (await fetch(`${fw.apiUrl}/api/v1/alarms?asOf=${iso(12)}`)).json()) as AlarmList;
    const support = body.items.find(
      (a) => a.kind === 'regression_after_deploy' && a.workloadId === 'support',
    )!;
    expect(support).toMatchObject({
      state: 'firing',
      severity: 'critical',
      resolvedAt: null,
      evidence: { parentVersion: 'v1', deploySource: 'first_traffic' },
    });
    expect(support.link).toMatch(/\/alarms\?alarm=[0-9a-f]+&workload=support&version=v2$/);
    const later = (await (
      await fetch(`${fw.apiUrl}/api/v1/alarms?state=resolved&asOf=${iso(31)}`)
    ).json()) as AlarmList;
    expect(later.items.map((a) => a.id)).toContain(support.id);
  });

  it('logs every delivery attempt without secrets', async () => {
    const support = fired.find((a) => a.kind === 'regression_after_deploy' && a.workloadId === 'support')!;
    const log = (await (await fetch(`${fw.apiUrl}/api/v1/alarms/${support.id}/deliveries`)).json()) as {
      items: AlarmDelivery[];
    };
    expect(log.items.map((d) => `${d.channel}:${d.status}`).sort()).toEqual([
      'pagerduty:delivered',
      'pagerduty:delivered',
      'slack:delivered',
      'slack:delivered',
      'webhook:delivered',
      'webhook:delivered',
    ]);
    expect(JSON.stringify(log)).not.toMatch(/routing-key-123|whsec-test|services\/T0/);
    const config = await (await fetch(`${fw.apiUrl}/api/v1/alerts/config`)).text();
    expect(config).not.toMatch(/routing-key-123|whsec-test|services\/T0/);
  });

  it('sends a test message to one destination on request', async () => {
    const res = await fetch(`${fw.apiUrl}/api/v1/alerts/test`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ destination: 'oncall-hook' }),
    });
    expect(await res.json()).toMatchObject({ destination: 'oncall-hook', delivered: true, httpStatus: 200 });
    expect((webhook.received.at(-1)!.json as { event: string }).event).toBe('alarm.test');
    const missing = await fetch(`${fw.apiUrl}/api/v1/alerts/test`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ destination: 'nope' }),
    });
    expect(missing.status).toBe(404);
  });
});
