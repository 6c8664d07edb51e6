import type { ReactNode } from 'react';
import type { VersionComparison } from '@flywheel/api';
import { Badge } from '../../../shared/components/badge';
import {
  formatCount,
  formatDuration,
  formatNumber,
  formatPercent,
  formatPoints,
} from '../../../shared/lib/format';

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

/** One row per measure: each version's value and the candidate's difference. */
export function ComparisonTable({ report }: { report: VersionComparison }) {
  const { baseline: a, candidate: b, deltas } = report;
  const explicitShare = (v: typeof a) => (v.signals.total > 0 ? v.signals.explicit / v.signals.total : null);
  const rows: Array<[string, ReactNode, ReactNode, ReactNode]> = [
    ['Interactions', formatCount(a.interactions), formatCount(b.interactions), ''],
    [
      'Success rate',
      `${formatPercent(a.successRate)} of ${formatCount(a.candidates)}`,
      `${formatPercent(b.successRate)} of ${formatCount(b.candidates)}`,
      <RateDelta key="s" delta={deltas.successRate} higherIsBetter />,
    ],
    [
      'Gate pass rate',
      `${formatPercent(a.gate.passRate)} of ${formatCount(a.gate.evaluated)}`,
      `${formatPercent(b.gate.passRate)} of ${formatCount(b.gate.evaluated)}`,
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
