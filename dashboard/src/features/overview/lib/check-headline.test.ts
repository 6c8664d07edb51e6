import { describe, expect, it } from 'vitest';
import type { Finding } from '@flywheel/api';
import type { CheckVerdicts } from '../hooks/use-check-verdicts';
import { checkHeadline, checkPhrases, withChecks } from './check-headline';

const ready = (verdict: Finding['verdict']) => ({ state: 'ready' as const, data: { verdict, findings: [] } });

function verdicts(
  v: Partial<Record<keyof CheckVerdicts, CheckVerdicts[keyof CheckVerdicts]>>,
): CheckVerdicts {
  return {
    drift: ready('ok'),
    sycophancy: ready('ok'),
    'latency-bias': ready('ok'),
    survivorship: ready('ok'),
    ...v,
  };
}

describe('the Overview headline counts the feedback checks', () => {
  it('names warnings and alarms in the Checks page’s order', () => {
    const h = checkHeadline(
      verdicts({ survivorship: ready('warn'), drift: ready('warn'), sycophancy: ready('alarm') }),
    );
    expect(h).toEqual({ pending: false, warnings: ['drift', 'survivorship'], alarms: ['sycophancy'] });
    expect(checkPhrases(h)).toEqual([
      { text: '1 check in alarm: sycophancy', first: 'sycophancy' },
      { text: '2 warnings: drift, survivorship', first: 'drift' },
    ]);
  });

  it('never reads healthy with a warning, and keeps a critical workload critical', () => {
    const warn = checkHeadline(verdicts({ 'latency-bias': ready('warn') }));
    expect(withChecks('healthy', warn)).toBe('attention');
    expect(withChecks('unknown', warn)).toBe('attention');
    expect(withChecks('critical', warn)).toBe('critical');
    const clear = checkHeadline(verdicts({ drift: ready('insufficient_data') }));
    expect(withChecks('healthy', clear)).toBe('healthy');
    expect(checkPhrases(clear)).toEqual([]);
  });

  it('is pending while a check still computes', () => {
    expect(checkHeadline(verdicts({ drift: { state: 'loading' } })).pending).toBe(true);
  });
});
