import { describe, expect, it } from 'vitest';
import { explorerHref } from './explorer-link';

describe('explorerHref', () => {
  it('keeps the workload and range, drops the page’s own parameters, adds the filters', () => {
    expect(
      explorerHref('?workload=chat&range=90d&check=drift&alarm=a1&cursor=x', { gateReason: 'pii' }),
    ).toBe('/explorer?workload=chat&range=90d&gateReason=pii');
    expect(explorerHref(new URLSearchParams('from=2026-08-01&to=2026-08-31'), { outcome: 'failure' })).toBe(
      '/explorer?from=2026-08-01&to=2026-08-31&outcome=failure',
    );
    expect(explorerHref('')).toBe('/explorer');
  });

  it('lets a filter replace a global parameter, as a version’s workload does', () => {
    expect(explorerHref('?workload=a', { workload: 'b', version: 'v2' })).toBe(
      '/explorer?workload=b&version=v2',
    );
  });
});
