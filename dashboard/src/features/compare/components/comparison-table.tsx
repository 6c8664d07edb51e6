import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { VersionComparison } from '@flywheel/api';
import { Badge } from '../../../shared/components/badge';
import {
  formatCount,
  formatDuration,
  formatNumber,
  formatPercent,
  formatPoints,
} from '../../../shared/lib/format';
import { explorerHref } from '../../../shared/lib/explorer-link';

type Delta = VersionComparison['deltas']['successRate'];

function RateDelta({ delta, higherIsBetter }: { delta: Delta; higherIsBetter: boolean }) {
  if (!delta) return <>—</>;
  const better = higherIsBetter ? delta.delta > 0 : delta.delta < 0;
  return (
    <>
      {formatPoints(delta.delta)}{' '}
      {delta.significant ? (
        <Badge tone={better ? 'good' : 'bad'}>{better ? 'better' : 'worse'}</Badge>
      ) : (
        <Badge tone="neutral">within noise</Badge>
      )}
      <div className="muted small">
        95% CI {formatPoints(delta.ci[0])} … {formatPoints(delta.ci[1])}
      </div>
    </>
  );
}

const signed = (value: number | null, format: (v: number) => string) =>
  value === null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${format(Math.abs(value))}`;

const FAILURES = { outcome: 'failure' };
const REJECTED = { gate: 'rejected' };
const REJECTIONS = 'The gate’s rejections';

/** One row per measure: each version's value and the candidate's difference. */
export function ComparisonTable({ report }: { report: VersionComparison }) {
  const { baseline: a, candidate: b, deltas } = report;
  const { search } = useLocation();
  // Each version's numbers open its interactions in the explorer, over the page's range.
  const evidence = (v: typeof a, text: string, title: string, filters: Record<string, string> = {}) => (
    <Link
      to={explorerHref(search, { workload: report.workload, version: v.modelVersion, ...filters })}
      title={`${title} of ${v.modelVersion}, in the explorer`}
    >
      {text}
    </Link>
  );
  const explicitShare = (v: typeof a) => (v.signals.total > 0 ? v.signals.explicit / v.signals.total : null);
  const rows: Array<[string, ReactNode, ReactNode, ReactNode]> = [
    [
      'Interactions',
      evidence(a, formatCount(a.interactions), 'The interactions'),
      evidence(b, formatCount(b.interactions), 'The interactions'),
      '',
    ],
    [
      'Success rate',
      evidence(
        a,
        `${formatPercent(a.successRate)} of ${formatCount(a.candidates)}`,
        'The failures',
        FAILURES,
      ),
      evidence(
        b,
        `${formatPercent(b.successRate)} of ${formatCount(b.candidates)}`,
        'The failures',
        FAILURES,
      ),
      <RateDelta key="s" delta={deltas.successRate} higherIsBetter />,
    ],
    [
      'Gate pass rate',
      evidence(
        a,
        `${formatPercent(a.gate.passRate)} of ${formatCount(a.gate.evaluated)}`,
        REJECTIONS,
        REJECTED,
      ),
      evidence(
        b,
        `${formatPercent(b.gate.passRate)} of ${formatCount(b.gate.evaluated)}`,
        REJECTIONS,
        REJECTED,
      ),
      <RateDelta key="g" delta={deltas.gatePassRate} higherIsBetter />,
    ],
    [
      'Latency p50 / p95',
      a.latencyMs ? `${formatDuration(a.latencyMs.p50)} / ${formatDuration(a.latencyMs.p95)}` : '—',
      b.latencyMs ? `${formatDuration(b.latencyMs.p50)} / ${formatDuration(b.latencyMs.p95)}` : '—',
      signed(deltas.latencyP50Ms, formatDuration),
    ],
    [
      'Response words (mean)',
      formatNumber(a.responseWords?.mean ?? null, 0),
      formatNumber(b.responseWords?.mean ?? null, 0),
      signed(deltas.responseWordsMean, (v) => formatNumber(v, 0)),
    ],
    ['Explicit share of signals', formatPercent(explicitShare(a)), formatPercent(explicitShare(b)), ''],
  ];
  return (
    <div className="table-wrap">
      <table className="table compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th>Measure</th>
            <th className="num">
              Baseline <span className="mono">{a.modelVersion}</span>
            </th>
            <th className="num">
              Candidate <span className="mono">{b.modelVersion}</span>
            </th>
            <th className="num">Difference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, x, y, d]) => (
            <tr key={label}>
              <td>{label}</td>
              <td className="num">{x}</td>
              <td className="num">{y}</td>
              <td className="num delta">{d}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
