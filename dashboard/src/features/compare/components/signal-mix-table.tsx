import type { VersionComparison } from '@flywheel/api';
import { Empty } from '../../../shared/components/states';
import { formatNumber, humanize } from '../../../shared/lib/format';

/** Signals per 100 interactions, per kind, for both versions: the commonest kinds first. */
export function SignalMixTable({ report }: { report: VersionComparison }) {
  const { baseline: a, candidate: b } = report;
  const per = (v: typeof a, kind: string) => v.signals.kinds.find((k) => k.kind === kind)?.perInteraction;
  const kinds = [...new Set([...a.signals.kinds, ...b.signals.kinds].map((k) => k.kind))];
  if (kinds.length === 0) return <Empty>Neither version received a signal in this range.</Empty>;
  const cell = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value * 100, 1));
  return (
    <table className="table" data-testid="compare-signal-table">
      <thead>
        <tr>
          <th>Signal</th>
          <th className="num mono">{a.modelVersion}</th>
          <th className="num mono">{b.modelVersion}</th>
        </tr>
      </thead>
      <tbody>
        {kinds.map((kind) => (
          <tr key={kind}>
            <td>{humanize(kind)}</td>
            <td className="num">{cell(per(a, kind))}</td>
            <td className="num">{cell(per(b, kind))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
