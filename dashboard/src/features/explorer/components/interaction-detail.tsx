import type { Interaction } from '@flywheel/api';
import { Panel } from '../../../shared/components/panel';
import { formatCount, formatDateTime, formatDuration, formatNumber } from '../../../shared/lib/format';
import { gateReasonText } from '../../../shared/lib/gate-reasons';
import { ChecksTable } from './checks-table';
import { SignalTimeline } from './signal-timeline';
import { GateBadge, OutcomeBadge } from './status-badges';
import { TextBlock } from './text-block';

export function InteractionDetail({ item }: { item: Interaction }) {
  const facts: [string, string][] = [
    ['Time', formatDateTime(item.time)],
    ['Workload', item.workloadId],
    ['Model version', item.modelVersion],
    ['Model', `${item.provider ? `${item.provider} · ` : ''}${item.model}`],
    ['Service', item.service],
    ['Tokens', `${formatCount(item.inputTokens)} in · ${formatCount(item.outputTokens)} out`],
    ['Latency', formatDuration(item.latencyMs)],
    ['First chunk', formatDuration(item.timeToFirstChunkMs)],
    ['Finish reason', item.finishReason || '—'],
    ['Status', item.status || '—'],
    ['Quality score', formatNumber(item.qualityScore)],
    ['Grounding score', formatNumber(item.groundingScore)],
    ['User', item.userId || '—'],
    ['Session', item.sessionId || '—'],
    ['Trace', item.traceId],
  ];
  return (
    <div className="detail" data-testid="interaction-detail">
      <div className="detail-head">
        <h1 className="mono">{item.requestId}</h1>
        <OutcomeBadge outcome={item.outcome} />
        <GateBadge gate={item.gate} />
      </div>
      <div className="detail-grid">
        <div className="detail-main">
          <TextBlock label="Prompt" text={item.prompt} />
          <TextBlock label="Response" text={item.response} />
          {item.errorMessage ? <TextBlock label="Error" text={item.errorMessage} /> : null}
        </div>
        <div className="detail-side">
          <Panel
            title="Signals"
            help="What the user did, in time order. The strongest one decides the outcome."
          >
            <SignalTimeline item={item} />
          </Panel>
          <Panel
            title="Quality gate"
            help="Whether this interaction becomes a training candidate, and why not."
          >
            <GateSection item={item} />
          </Panel>
          <Panel title="Content checks">
            {Object.keys(item.checks.passed).length > 0 ? (
              <ChecksTable checks={item.checks} language={item.language} />
            ) : (
              <p className="muted">No content checks were recorded for this interaction at ingest.</p>
            )}
          </Panel>
          <Panel title="Call">
            <dl className="facts">
              {facts.map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </Panel>
        </div>
      </div>
    </div>
  );
}

function GateSection({ item }: { item: Interaction }) {
  const gate = item.gate;
  if (!gate) return <p className="muted">No gate verdict for this interaction.</p>;
  if (gate.state === 'passed') return <p>Passed every rule: this is a training candidate.</p>;
  if (gate.state === 'pending')
    return <p>Pending: the signal window (24 h after the response by default) has not closed yet.</p>;
  return (
    <ul className="reasons" data-testid="gate-reasons">
      {gate.reasons.map((r) => (
        <li key={r}>{gateReasonText(r)}</li>
      ))}
    </ul>
  );
}
