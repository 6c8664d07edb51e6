import type { Interaction } from '@flywheel/api';
import { Badge } from '../../../shared/components/badge';
import { formatDateTime, formatDuration, formatNumber, humanize } from '../../../shared/lib/format';

const POSITIVE = new Set(['thumbs_up', 'accepted', 'copied']);
const NEGATIVE = new Set([
  'thumbs_down',
  'regenerated',
  'early_termination',
  'abandoned',
  'deleted',
  'corrected',
]);

/** What the user did with the response, in the order it happened, with the delay after the response. */
export function SignalTimeline({ item }: { item: Interaction }) {
  const details = item.signalDetails;
  if (details.length === 0)
    return <p className="muted">No signals: the outcome is unknown until the user reacts.</p>;
  const start = Date.parse(item.time);
  return (
    <ol className="timeline" data-testid="signal-timeline">
      {details.map((s, i) => {
        const at = Date.parse(s.time);
        const tone = POSITIVE.has(s.kind) ? 'good' : NEGATIVE.has(s.kind) ? 'bad' : 'neutral';
        return (
          <li key={`${s.kind}-${s.time}-${i}`}>
            <Badge tone={tone}>{humanize(s.kind)}</Badge>
            {s.explicit ? <span className="tag">explicit</span> : null}
            {s.value !== null ? <span className="muted"> value {formatNumber(s.value)}</span> : null}
            <span className="muted">
              {' '}
              · {formatDateTime(s.time)}
              {Number.isFinite(at - start) && at >= start ? ` (${formatDuration(at - start)} after)` : ''}
            </span>
            {s.correction ? (
              <pre className="textblock-body textblock-small" data-testid="signal-correction">
                {s.correction}
              </pre>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
