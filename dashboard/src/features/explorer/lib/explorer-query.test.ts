import { describe, expect, it } from 'vitest';
import { explorerQuery, exportQuery } from './explorer-query';

const scope = {
  workload: 'chat',
  range: { from: '2026-08-01T00:00:00.000Z', to: '2026-08-31T00:00:00.000Z', label: '' },
};
const from = (search: string) => {
  const params = new URLSearchParams(search);
  return (name: string) => params.get(name);
};

describe('explorerQuery', () => {
  it('reads the gate’s rejection reason from the URL, for the list and the export alike', () => {
    const query = explorerQuery(from('gateReason=pii&limit=200&cursor=abc'), scope);
    expect(query).toEqual({
      limit: 200,
      workload: 'chat',
      gateReason: 'pii',
      cursor: 'abc',
      from: scope.range.from,
      to: scope.range.to,
    });
    expect(exportQuery(query)).toEqual({
      workload: 'chat',
      gateReason: 'pii',
      from: scope.range.from,
      to: scope.range.to,
    });
  });

  it('leaves out a reason the gate does not have rather than send it', () => {
    expect(explorerQuery(from('gateReason=too_short&outcome=maybe'), scope)).not.toHaveProperty('gateReason');
    expect(explorerQuery(from('gateReason=constructor'), scope)).not.toHaveProperty('gateReason');
  });
});
