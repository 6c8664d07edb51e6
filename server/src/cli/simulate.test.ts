import { describe, expect, it } from 'vitest';
import { resolveScenario } from './simulate';

const base = { scenario: 'healthy', days: '90', seed: '7', volume: '500' };

describe('resolveScenario', () => {
  it.each([
    [{ scenario: 'nope' }, /^--scenario must be one of healthy, regression, /],
    [{ days: '0' }, '--days must be at least 1'],
    [{ days: '2.5' }, '--days must be a whole number'],
    [{ days: '99999' }, '--days must be at most 3650'],
    [{ seed: 'x' }, '--seed must be a number'],
    [{ volume: '-3' }, '--volume must be at least 1'],
    [{ start: '2026-1-5' }, '--start must be a date like 2026-01-05'],
    [{ start: '2026-13-01' }, '--start must be a real date'],
  ])('refuses %j naming the flag', (flags, message) => {
    expect(() => resolveScenario({ ...base, ...flags }, '/data')).toThrow(message);
  });

  it('builds the plan, ending the data today unless --start says otherwise', () => {
    const now = new Date('2026-05-20T15:00:00Z');
    const { name, plan, outDir } = resolveScenario({ ...base, scenario: 'drift', days: '30' }, '/data', now);
    expect(name).toBe('drift');
    expect(plan.start).toBe('2026-04-20T00:00:00.000Z');
    expect(plan.days).toBe(30);
    expect(outDir).toBe('/data/scenarios/drift');
    const fixed = resolveScenario({ ...base, start: '2026-01-05', out: '/elsewhere/truth' }, '/data', now);
    expect(fixed.plan.start).toBe('2026-01-05T00:00:00.000Z');
    expect(fixed.outDir).toBe('/elsewhere/truth');
    expect(fixed.plan.dailyVolume).toBe(500);
  });
});
