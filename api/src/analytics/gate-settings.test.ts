import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE_CONFIG } from '../queries/gate';
import { effectiveGateConfig } from './gate-settings';

describe('effectiveGateConfig', () => {
  const history = [
    { workloadId: 'w', version: 3, config: { minResponseWords: 5 }, createdAt: '' },
    { workloadId: '', version: 2, config: { minResponseWords: 10, maxToxicity: 0.2 }, createdAt: '' },
    { workloadId: '', version: 1, config: { minResponseWords: 99 }, createdAt: '' },
  ];

  it('layers defaults, the newest project version, the workload and the overrides', () => {
    expect(effectiveGateConfig([], '', {})).toEqual(DEFAULT_GATE_CONFIG);
    expect(effectiveGateConfig(history, '', {})).toMatchObject({ minResponseWords: 10, maxToxicity: 0.2 });
    expect(effectiveGateConfig(history, 'w', {})).toMatchObject({ minResponseWords: 5, maxToxicity: 0.2 });
    expect(effectiveGateConfig(history, 'w', { minResponseWords: 1 }).minResponseWords).toBe(1);
    expect(effectiveGateConfig(history, 'other', {}).minResponseWords).toBe(10);
  });
});
