import { Link, useLocation } from 'react-router';
import type { VelocityReport } from '@flywheel/api';
import { useScope } from '../../../app/scope-context';
import { Panel } from '../../../shared/components/panel';
import { PhaseBadge } from '../../../shared/components/phase-badge';
import { formatCount, formatPercent } from '../../../shared/lib/format';
import { compareHref } from '../../compare/lib/compare-link';

export function PhaseTable({ workloads }: { workloads: VelocityReport['workloads'] }) {
  const { search } = useLocation();
  const { versions } = useScope();
  const withWorkload = (w: string) => {
    const params = new URLSearchParams(search);
    params.set('workload', w);
    return `/velocity?${params.toString()}`;
  };
  return (
    <Panel
      title="Phase per workload"
      testId="phases"
      help="From the success rate over the last 28 days and the volume of known outcomes."
    >
      <table className="table">
        <thead>
          <tr>
            <th>Workload</th>
            <th>Phase</th>
            <th className="num">Success rate</th>
            <th className="num">Known outcomes</th>
            <th>Why</th>
            <th>Versions</th>
          </tr>
        </thead>
        <tbody>
          {workloads.map((w) => (
            <tr key={w.workloadId}>
              <td>
                <Link to={withWorkload(w.workloadId)}>{w.workloadId}</Link>
              </td>
              <td>
                <PhaseBadge phase={w.phase.phase} />
              </td>
              <td className="num">{formatPercent(w.phase.successRate)}</td>
              <td className="num">{formatCount(w.phase.candidates)}</td>
              <td className="muted">{w.phase.reason}</td>
              <td className="nowrap">
                {(versions[w.workloadId]?.length ?? 0) > 1 ? (
                  <Link
                    to={compareHref(
                      w.workloadId,
                      null,
                      versions[w.workloadId]![0]!,
                      new URLSearchParams(search),
                    )}
                  >
                    Compare
                  </Link>
                ) : (
                  <span className="muted">one version</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
