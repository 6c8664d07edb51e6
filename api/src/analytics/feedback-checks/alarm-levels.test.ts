import { describe, expect, it } from 'vitest';
import type { Finding } from '../verdict';
import { alarmKindOf, applyAlarmLevels } from './alarm-levels';

const kappa: Finding = { rule: 'judge_human_kappa', verdict: 'alarm', detail: 'kappa 0.1' };
const psi: Finding = { rule: 'psi_language', verdict: 'alarm', detail: 'PSI 0.3' };
const stale: Finding = { rule: 'golden_set_staleness', verdict: 'warn', detail: 'old' };

describe('applyAlarmLevels', () => {
  it('keeps an alarm whose kind pages, with its kind and a next step', () => {
    const r = applyAlarmLevels('drift', [psi, stale], new Set(['drift']));
    expect(r.verdict).toBe('alarm');
    expect(r.findings[0]).toMatchObject({ verdict: 'alarm', alarmKind: 'drift', detail: 'PSI 0.3' });
    expect(r.findings[0]!.nextStep).toMatch(/golden set covers them/);
    expect(r.findings[1]).toMatchObject({ verdict: 'warn', alarmKind: null });
  });

  it('makes an alarm whose kind is off a warning that says why', () => {
    const r = applyAlarmLevels('drift', [kappa, psi], new Set(['drift']));
    expect(r.findings[0]!.verdict).toBe('warn');
    expect(r.findings[0]!.detail).toMatch(/judge_agreement alarms are off for this project/);
    expect(r.findings[0]!.nextStep).toMatch(/recalibrate the judge/);
    expect(r.verdict).toBe('alarm');
    expect(applyAlarmLevels('drift', [kappa], new Set(['drift'])).verdict).toBe('warn');
  });

  it('gives ok and insufficient data no next step', () => {
    const r = applyAlarmLevels(
      'survivorship',
      [
        { rule: 'survivorship', verdict: 'ok', detail: '' },
        { rule: 'survivorship', verdict: 'insufficient_data', detail: '' },
      ],
      new Set(),
    );
    expect(r.findings.map((f) => f.nextStep)).toEqual([null, null]);
    expect(r.verdict).toBe('ok');
  });

  it('maps each check’s rules to the alarm they raise', () => {
    expect(alarmKindOf('drift', 'psi_workload')).toBe('drift');
    expect(alarmKindOf('drift', 'golden_set_staleness')).toBeNull();
    expect(alarmKindOf('sycophancy', 'capitulation_rise')).toBe('sycophancy');
    expect(alarmKindOf('sycophancy', 'gate_enriches_sycophancy')).toBeNull();
    expect(alarmKindOf('latency-bias', 'latency_crossover')).toBe('latency_bias');
    expect(alarmKindOf('latency-bias', 'length_bias')).toBeNull();
    expect(alarmKindOf('survivorship', 'survivorship')).toBeNull();
  });
});
