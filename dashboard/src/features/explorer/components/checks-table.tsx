import type { ContentChecks } from '@flywheel/api';
import { Badge } from '../../../shared/components/badge';
import { formatNumber, humanize } from '../../../shared/lib/format';

function Verdict({ passed }: { passed: boolean | undefined }) {
  if (passed === undefined) return <Badge tone="neutral">—</Badge>;
  return passed ? <Badge tone="good">pass</Badge> : <Badge tone="bad">fail</Badge>;
}

/** The content checks stored at ingest (docs/design.md §5), each with its value and verdict. */
export function ChecksTable({ checks, language }: { checks: ContentChecks; language: string }) {
  const rows: { name: string; value: string; passed: boolean | undefined }[] = [
    {
      name: 'Response length',
      value: `${checks.responseWords} words, ${checks.responseTokens} tokens`,
      passed: checks.passed.length,
    },
    { name: 'Toxicity', value: formatNumber(checks.toxicity), passed: checks.passed.toxicity },
    {
      name: 'Personal data',
      value: checks.piiKinds.length ? `redacted: ${checks.piiKinds.join(', ')}` : 'none found',
      passed: checks.passed.pii,
    },
    {
      name: 'Input validators',
      value: [
        `prompt ${checks.promptChars} chars`,
        checks.jailbreak ? `jailbreak pattern "${checks.jailbreak}"` : null,
        checks.topicRelevance !== null ? `topic relevance ${formatNumber(checks.topicRelevance)}` : null,
        checks.inputFailures.length ? `failed: ${checks.inputFailures.map(humanize).join(', ')}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
      passed: checks.passed.input,
    },
    { name: 'Language', value: language || 'unknown', passed: checks.passed.language },
  ];
  return (
    <table className="table table-compact" data-testid="checks-table">
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            <td>{row.value}</td>
            <td>
              <Verdict passed={row.passed} />
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row">Near-duplicate key</th>
          <td className="mono">{checks.nearDuplicateKey || '—'}</td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}
