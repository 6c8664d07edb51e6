import { Link, useLocation } from 'react-router';
import type { Cycle } from '@flywheel/api';
import { Badge, type Tone } from '../../../shared/components/badge';
import {
  formatCount,
  formatDate,
  formatDay,
  formatNumber,
  formatPoints,
  humanize,
} from '../../../shared/lib/format';
import { compareHref } from '../../compare/lib/compare-link';
import { DELTA_VERDICT_TEXT, deltaVerdict, type DeltaVerdict } from '../lib/cycle-series';

const VERDICT_TONE: Record<DeltaVerdict, Tone> = {
  healthy: 'good',
  below: 'warn',
  above: 'info',
  negative: 'bad',
  not_significant: 'neutral',
  measuring: 'neutral',
  unmeasured: 'neutral',
};

const STATUS_TONE: Record<string, Tone> = {
  deployed: 'good',
  rolled_back: 'bad',
  rejected: 'warn',
};

export function CycleTable({
  cycles,
  highlightVersion,
  showWorkload,
}: {
  cycles: Cycle[];
  highlightVersion: string | null;
  showWorkload: boolean;
}) {
  const { search } = useLocation();
  const rows = [...cycles].sort((a, b) => b.dataWindow.to.localeCompare(a.dataWindow.to));
  return (
    <div className="table-wrap">
      <table className="table" data-testid="cycle-table">
        <thead>
          <tr>
            <th>Version</th>
            {showWorkload ? <th>Workload</th> : null}
            <th>Status</th>
            <th>Data window</th>
            <th>Deployed</th>
            <th className="num">Training examples</th>
            <th className="num">Online delta (95% CI)</th>
            <th className="num">Offline delta</th>
            <th className="num">Time to improvement</th>
            <th>Verdict</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const verdict = deltaVerdict(c);
            const d = c.onlineDelta;
            return (
              <tr key={c.id} className={highlightVersion === c.modelVersion ? 'row-highlight' : undefined}>
                <td>
                  <div className="mono nowrap">{c.modelVersion}</div>
                  <div className="muted small nowrap">
                    {c.parentVersion ? `from ${c.parentVersion} · ` : ''}
                    {c.id}
                  </div>
                  {c.parentVersion ? (
                    <Link
                      className="small"
                      to={compareHref(
                        c.workloadId,
                        c.parentVersion,
                        c.modelVersion,
                        new URLSearchParams(search),
                      )}
                    >
                      Compare with {c.parentVersion}
                    </Link>
                  ) : null}
                </td>
                {showWorkload ? <td>{c.workloadId}</td> : null}
                <td>
                  <Badge tone={STATUS_TONE[c.status] ?? 'neutral'}>{humanize(c.status)}</Badge>
                </td>
                <td className="nowrap">
                  {formatDay(c.dataWindow.from)} – {formatDay(c.dataWindow.to)}
                </td>
                <td className="nowrap">
                  {formatDate(c.deployedAt)}
                  {c.rolledBackAt ? (
                    <div className="muted small">rolled back {formatDay(c.rolledBackAt)}</div>
                  ) : null}
                </td>
                <td className="num">{c.snapshot ? formatCount(c.trainingVolume.total) : '—'}</td>
                <td className="num nowrap">
                  {d ? (
                    <>
                      {formatPoints(d.delta)}
                      <div className="muted small">
                        CI {formatPoints(d.ci[0])} … {formatPoints(d.ci[1])}
                      </div>
                      <div className="muted small">
                        n {formatCount(d.n.version)} vs {formatCount(d.n.parent)}
                        {d.windowClosed ? '' : ', window open'}
                      </div>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="num nowrap">{formatPoints(c.offlineDelta)}</td>
                <td className="num">
                  {c.timeToImprovementDays === null
                    ? '—'
                    : `${formatNumber(c.timeToImprovementDays, 1)} days`}
                </td>
                <td>
                  <Badge tone={VERDICT_TONE[verdict]}>{DELTA_VERDICT_TEXT[verdict]}</Badge>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
