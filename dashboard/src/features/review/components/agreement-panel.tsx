import type { ReviewAgreement } from '@flywheel/api';
import { Panel } from '../../../shared/components/panel';
import { formatCount, formatNumber, formatPercent } from '../../../shared/lib/format';

/** Reviewer agreement per sub-metric, and the quality gate measured against the reviewers. */
export function AgreementPanel({ data }: { data: ReviewAgreement }) {
  const { gate } = data;
  return (
    <Panel
      title="Calibration"
      help="Cohen's kappa of two reviewers on the items the queue gave to both; the quality gate's precision and recall for gold against the reviewers."
      testId="agreement"
    >
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>Sub-metric</th>
              <th>Items with two reviews</th>
              <th>Agreement</th>
              <th>Cohen's kappa</th>
            </tr>
          </thead>
          <tbody>
            {data.metrics.map((m) => (
              <tr key={m.metric}>
                <td>{m.metric}</td>
                <td>{formatCount(m.items)}</td>
                <td>{m.observed === null ? '—' : formatPercent(m.observed)}</td>
                <td>{m.kappa === null ? '—' : formatNumber(m.kappa)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="facts">
        <div>
          <dt>Gate precision</dt>
          <dd data-testid="gate-precision">
            {gate.precision === null ? '—' : formatPercent(gate.precision)}
          </dd>
        </div>
        <div>
          <dt>Gate recall</dt>
          <dd data-testid="gate-recall">{gate.recall === null ? '—' : formatPercent(gate.recall)}</dd>
        </div>
        <div>
          <dt>Reviewed</dt>
          <dd>
            {formatCount(gate.reviewed)} ({formatCount(gate.gold)} gold, {formatCount(gate.gatePassed)} passed
            the gate)
          </dd>
        </div>
      </dl>
    </Panel>
  );
}
