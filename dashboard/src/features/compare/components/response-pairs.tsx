import { Link, useLocation } from 'react-router';
import type { VersionComparison } from '@flywheel/api';
import { Empty } from '../../../shared/components/states';
import { formatDateTime, formatDuration, formatPercent } from '../../../shared/lib/format';
import { OutcomeBadge } from '../../explorer/components/status-badges';

type Sample = VersionComparison['samples'][number]['baseline'];

function Side({ label, version, sample }: { label: string; version: string; sample: Sample }) {
  const { search } = useLocation();
  return (
    <div className="pair-side">
      <div className="small">
        {label} <span className="mono">{version}</span> · <OutcomeBadge outcome={sample.outcome} /> ·{' '}
        {formatDuration(sample.latencyMs)} ·{' '}
        <Link to={`/explorer/${encodeURIComponent(sample.requestId)}${search}`}>
          {formatDateTime(sample.time)}
        </Link>
      </div>
      {/* Untrusted text: rendered as a React text node, so markup stays inert characters. */}
      <div className="text">{sample.response}</div>
    </div>
  );
}

/** Each pair: the two prompts (usually the same words), then the two answers next to each other. */
export function ResponsePairs({ report }: { report: VersionComparison }) {
  if (report.samples.length === 0)
    return <Empty>No interactions of both versions in this range to pair.</Empty>;
  return (
    <div className="pairs" data-testid="response-pairs">
      {report.samples.map((pair) => (
        <div className="pair" key={`${pair.baseline.requestId} ${pair.candidate.requestId}`}>
          <div className="pair-prompt">
            Prompt ({formatPercent(pair.similarity, 0)} similar): {pair.candidate.prompt}
            {pair.similarity < 1 ? ` — and: ${pair.baseline.prompt}` : ''}
          </div>
          <Side label="Baseline" version={report.baseline.modelVersion} sample={pair.baseline} />
          <Side label="Candidate" version={report.candidate.modelVersion} sample={pair.candidate} />
        </div>
      ))}
    </div>
  );
}
