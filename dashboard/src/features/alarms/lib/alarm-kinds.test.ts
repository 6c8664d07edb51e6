import { describe, expect, it } from 'vitest';
import type { Alarm } from '@flywheel/api';
import { evidenceHref } from './alarm-kinds';
import { layoutEvidence } from './evidence';

const alarm: Alarm = {
  id: 'a1',
  kind: 'regression_after_deploy',
  severity: 'critical',
  workloadId: 'support-chat',
  modelVersion: 'support-chat-v2',
  state: 'firing',
  firedAt: '2026-08-26T00:00:00.000000Z',
  resolvedAt: null,
  evidence: {
    deployedAt: '2026-08-23T10:00:00.000000Z',
    deltaPoints: -10.51,
    version: { successRate: 61.81, n: 254 },
    parent: { successRate: 72.32, n: 578 },
    relativeDropPercent: 51.5,
    weeklyInteractions: [{ weeksAgo: 0, interactions: 700 }],
  },
  recommendation: 'Roll back support-chat to support-chat-v1',
  link: 'http://127.0.0.1:8080/alarms?alarm=a1',
};

describe('alarm evidence', () => {
  it('links each alarm to the view that shows its evidence, around the moment it fired', () => {
    const url = new URL(evidenceHref(alarm, Date.parse('2026-09-19T12:00:00Z')), 'http://x');
    expect(url.pathname).toBe('/cycles');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      workload: 'support-chat',
      version: 'support-chat-v2',
      from: '2026-07-29',
      to: '2026-09-02',
      alarm: 'a1',
    });
    expect(evidenceHref({ ...alarm, kind: 'pass_rate_collapse', modelVersion: null }, null)).toMatch(
      /^\/velocity\?/,
    );
    expect(evidenceHref({ ...alarm, kind: 'latency_bias' }, null)).toMatch(/^\/checks\?.*check=latency-bias/);
  });

  it('does not extend the evidence window past the newest data', () => {
    const url = new URL(evidenceHref(alarm, Date.parse('2026-08-27T12:00:00Z')), 'http://x');
    expect(url.searchParams.get('to')).toBe('2026-08-27');
  });

  it('lays out nested evidence as labelled facts with their units', () => {
    const { facts, groups } = layoutEvidence(alarm.evidence);
    expect(facts).toEqual([
      { label: 'deployed at', value: '2026-08-23 10:00 UTC' },
      { label: 'delta', value: '-10.51 pts' },
      { label: 'relative drop', value: '51.5%' },
    ]);
    expect(groups).toEqual([
      {
        label: 'version',
        facts: [
          { label: 'success rate', value: '61.81' },
          { label: 'n', value: '254' },
        ],
      },
      {
        label: 'parent',
        facts: [
          { label: 'success rate', value: '72.32' },
          { label: 'n', value: '578' },
        ],
      },
      {
        label: 'weekly interactions 1',
        facts: [
          { label: 'weeks ago', value: '0' },
          { label: 'interactions', value: '700' },
        ],
      },
    ]);
  });
});
