import type { ClickHouseClient } from '@flywheel/storage';
import { signalMixRows, type SignalMixRow } from '../queries/signal-mix';
import { eventTimeToIso } from './time';

export interface SignalMixParams {
  projectId: string;
  /** '' for every workload. */
  workload: string;
  /** DateTime64 text: the window [from, to) and the evaluation time. */
  from: string;
  to: string;
  asOf: string;
  bucket: 'day' | 'week';
}

const add = (
  into: { signals: number; explicit: number; implicit: number },
  row: Pick<SignalMixRow, 'explicit' | 'implicit'>,
) => {
  into.explicit += row.explicit;
  into.implicit += row.implicit;
  into.signals += row.explicit + row.implicit;
};

/** The signal mix per bucket and kind, with explicit and implicit totals (docs/analytics.md). */
export async function signalMixReport(client: ClickHouseClient, p: SignalMixParams) {
  const rows = await signalMixRows(client, p);
  const totals = { signals: 0, explicit: 0, implicit: 0 };
  const kinds = new Map<string, { kind: string; signals: number; explicit: number; implicit: number }>();
  const buckets = new Map<
    string,
    { bucket: string; signals: number; explicit: number; implicit: number; kinds: Record<string, number> }
  >();
  for (const row of rows) {
    add(totals, row);
    const kind = kinds.get(row.kind) ?? { kind: row.kind, signals: 0, explicit: 0, implicit: 0 };
    add(kind, row);
    kinds.set(row.kind, kind);
    const bucket = buckets.get(row.bucket) ?? {
      bucket: row.bucket,
      signals: 0,
      explicit: 0,
      implicit: 0,
      kinds: {},
    };
    add(bucket, row);
    bucket.kinds[row.kind] = row.explicit + row.implicit;
    buckets.set(row.bucket, bucket);
  }
  return {
    window: { from: eventTimeToIso(p.from), to: eventTimeToIso(p.to), asOf: eventTimeToIso(p.asOf) },
    workload: p.workload || null,
    bucket: p.bucket,
    totals,
    kinds: [...kinds.values()].sort((a, b) => b.signals - a.signals || a.kind.localeCompare(b.kind)),
    buckets: [...buckets.values()],
  };
}
