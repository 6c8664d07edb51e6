import type { Finding, Verdict } from '@flywheel/api';
import { Badge } from '../../../shared/components/badge';
import { Panel } from '../../../shared/components/panel';
import { humanize } from '../../../shared/lib/format';
import { VERDICT_TEXT } from '../lib/check-meta';

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const [text, tone] = VERDICT_TEXT[verdict] ?? [verdict, 'neutral'];
  return <Badge tone={tone}>{text}</Badge>;
}

function FindingRows({ findings }: { findings: Finding[] }) {
  return (
    <table className="table table-compact">
      <tbody>
        {findings.map((f, i) => (
          <tr key={`${f.rule}-${i}`}>
            <th scope="row">{humanize(f.rule)}</th>
            <td>
              <VerdictBadge verdict={f.verdict} />
            </td>
            <td>
              {f.detail}
              {f.nextStep ? (
                <p className="next-step" data-testid="finding-next-step">
                  <strong>Next step:</strong> {f.nextStep}
                </p>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Every rule the check evaluated, with the numbers behind it. Warnings and alarms are shown; the rules
 * that passed or lacked data are one click away, so a long list does not bury the one that matters.
 */
export function FindingsList({ findings }: { findings: Finding[] }) {
  const rank: Record<Verdict, number> = { alarm: 0, warn: 1, ok: 2, insufficient_data: 3 };
  const sorted = [...findings].sort((a, b) => rank[a.verdict] - rank[b.verdict]);
  const flagged = sorted.filter((f) => f.verdict === 'alarm' || f.verdict === 'warn');
  const rest = sorted.filter((f) => f.verdict !== 'alarm' && f.verdict !== 'warn');
  const counts = (verdict: Verdict) => rest.filter((f) => f.verdict === verdict).length;
  return (
    <Panel
      title="Findings"
      wide
      testId="findings"
      help="Each rule of the check, its verdict and the numbers behind it."
    >
      {flagged.length > 0 ? (
        <FindingRows findings={flagged} />
      ) : (
        <p className="muted">No rule is in warning or alarm.</p>
      )}
      {rest.length > 0 ? (
        <details className="findings-more" open={flagged.length === 0 && rest.length <= 8}>
          <summary>
            {rest.length} more: {counts('ok')} ok, {counts('insufficient_data')} without enough data
          </summary>
          <FindingRows findings={rest} />
        </details>
      ) : null}
    </Panel>
  );
}
