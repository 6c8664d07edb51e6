import { describe, expect, it } from 'vitest';
import { compareHref, defaultVersions } from './compare-link';

describe('compare links', () => {
  it('carry the workload, both versions and the time range only', () => {
    const search = new URLSearchParams('range=90d&outcome=failure&workload=x');
    expect(compareHref('support chat', 'v1', 'v2', search)).toBe(
      '/compare?range=90d&workload=support+chat&baseline=v1&candidate=v2',
    );
  });

  it('default to the newest version against the one before it', () => {
    expect(defaultVersions(['v3', 'v2', 'v1'], { baseline: null, candidate: null })).toEqual({
      baseline: 'v2',
      candidate: 'v3',
    });
    expect(defaultVersions(['v3', 'v2', 'v1'], { baseline: null, candidate: 'v2' })).toEqual({
      baseline: 'v3',
      candidate: 'v2',
    });
    expect(defaultVersions(['v1'], { baseline: null, candidate: null })).toEqual({
      baseline: null,
      candidate: 'v1',
    });
  });
});
