import type { VelocityReport } from '@flywheel/api';
import { Badge } from '../../../shared/components/badge';
import { Panel } from '../../../shared/components/panel';
import { humanize } from '../../../shared/lib/format';

const CAUSE_ADVICE: Record<string, string> = {
  gate_too_strict: 'Loosen the gate thresholds (Velocity → why the gate rejects).',
  review_queue_backed_up: 'Add reviewers or sample fewer candidates for review.',
  feedback_too_sparse: 'Capture more implicit signals (accepted, copied, edited) in the app.',
  saturation: 'The workload is near its ceiling: harder examples or a new golden set are needed.',
};

/** docs/design.md §6: when the last two cycles moved less than +2 points, the likely causes with their numbers. */
export function StagnationPanel({ workloads }: { workloads: VelocityReport['workloads'] }) {
  return (
    <Panel
      title="Stagnation diagnosis"
      testId="stagnation"
      wide
      help="Is the flywheel still moving quality, and if not, why."
    >
      <div className="alarm-list">
        {workloads.map((w) => {
          const s = w.stagnation;
          const tone = s.stagnating === true ? 'bad' : s.stagnating === false ? 'good' : 'neutral';
          const label =
            s.stagnating === true ? 'stagnating' : s.stagnating === false ? 'moving' : 'not enough cycles';
          return (
            <div
              key={w.workloadId}
              className={`alarm alarm-${tone === 'bad' ? 'critical' : tone === 'good' ? 'resolved' : 'warning'}`}
            >
              <div className="alarm-head">
                <span className="alarm-title">{w.workloadId}</span>
                <Badge tone={tone}>{label}</Badge>
              </div>
              <p className="alarm-rec">{s.reason}</p>
              {s.causes.length > 0 ? (
                <ul className="reasons">
                  {s.causes.map((c) => (
                    <li key={c.cause}>
                      <strong>{humanize(c.cause)}</strong>: {c.evidence}. {CAUSE_ADVICE[c.cause] ?? ''}
                    </li>
                  ))}
                </ul>
              ) : s.stagnating ? (
                <p className="muted">None of the known causes applies: look at the cycles' data and evals.</p>
              ) : null}
            </div>
          );
        })}
      </div>
    </Panel>
  );
}
