import { describe, expect, it } from 'vitest';
import type { SignalMixReport } from '@flywheel/api';
import { signalMixSeries } from './velocity-series';

const DAY = 86_400_000;
const report: SignalMixReport = {
  window: { from: '2026-05-01T00:00:00.000000Z', to: '2026-05-04T00:00:00.000000Z', asOf: '' },
  workload: null,
  bucket: 'day',
  totals: { signals: 6, explicit: 1, implicit: 5 },
  kinds: [
    { kind: 'accepted', signals: 4, explicit: 0, implicit: 4 },
    { kind: 'thumbs_up', signals: 2, explicit: 1, implicit: 1 },
  ],
  buckets: [
    { bucket: '2026-05-01', signals: 4, explicit: 1, implicit: 3, kinds: { accepted: 3, thumbs_up: 1 } },
    { bucket: '2026-05-03', signals: 2, explicit: 0, implicit: 2, kinds: { accepted: 1, thumbs_up: 1 } },
  ],
};

describe('signalMixSeries', () => {
  it('stacks kinds commonest first, with the explicit share, and leaves a day without signals a gap', () => {
    const from = Date.parse('2026-05-01T00:00:00Z');
    const { data, kinds } = signalMixSeries(report, { from, to: from + 3 * DAY, stepMs: DAY });
    expect(kinds).toEqual(['accepted', 'thumbs_up']);
    expect(data).toEqual([
      { t: from, accepted: 3, thumbs_up: 1, explicitShare: 0.25 },
      { t: from + DAY, accepted: null, thumbs_up: null, explicitShare: null },
      { t: from + 2 * DAY, accepted: 1, thumbs_up: 1, explicitShare: 0 },
    ]);
  });
});
