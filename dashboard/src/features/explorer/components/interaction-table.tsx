import { Link, useLocation, useNavigate } from 'react-router';
import type { Interaction } from '@flywheel/api';
import { formatDateTime, formatDuration, humanize } from '../../../shared/lib/format';
import { GateBadge, OutcomeBadge } from './status-badges';

/** Newest first; a row opens the interaction's detail, keeping the explorer's filters in the URL. */
export function InteractionTable({ items }: { items: Interaction[] }) {
  const { search } = useLocation();
  const navigate = useNavigate();
  const href = (item: Interaction) => `/explorer/${encodeURIComponent(item.requestId)}${search}`;
  return (
    <div className="table-wrap">
      <table className="table table-clickable" data-testid="interaction-table">
        <thead>
          <tr>
            <th>Time (UTC)</th>
            <th>Workload</th>
            <th>Version</th>
            <th>Outcome</th>
            <th>Gate</th>
            <th className="num">Latency</th>
            <th>Prompt</th>
            <th>Signals</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.requestId} onClick={() => void navigate(href(item))}>
              <td className="nowrap">
                <Link to={href(item)} onClick={(e) => e.stopPropagation()}>
                  {formatDateTime(item.time).replace(' UTC', '')}
                </Link>
              </td>
              <td>{item.workloadId}</td>
              <td className="mono">{item.modelVersion}</td>
              <td>
                <OutcomeBadge outcome={item.outcome} />
              </td>
              <td>
                <GateBadge gate={item.gate} />
              </td>
              <td className="num">{formatDuration(item.latencyMs)}</td>
              {/* Untrusted text: rendered as a React text node, so markup stays inert characters. */}
              <td className="excerpt">{item.prompt}</td>
              <td className="signals" data-testid="row-signals">
                {item.signals.length > 0 ? item.signals.map(humanize).join(' · ') : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
