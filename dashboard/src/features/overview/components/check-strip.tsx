import { Link, useLocation } from 'react-router';
import type { CheckName } from '@flywheel/api';
import { VerdictBadge } from '../../checks/components/findings-list';
import { CHECKS } from '../../checks/lib/check-meta';
import type { CheckVerdicts } from '../hooks/use-check-verdicts';

/**
 * The feedback checks' verdicts, the very responses the Checks page shows (same request, same cache), so
 * a warning there is a warning here. A check in warning or alarm names its first flagged rule's next step.
 */
export function CheckStrip({ results }: { results: CheckVerdicts }) {
  const { search } = useLocation();
  const href = (name: CheckName) => {
    const next = new URLSearchParams(search);
    next.set('check', name);
    return `/checks?${next.toString()}`;
  };
  const steps = CHECKS.flatMap((c) => {
    const r = results[c.name];
    if (r.state !== 'ready') return [];
    const flagged = r.data.findings.find((f) => f.verdict === r.data.verdict && f.nextStep);
    return flagged && (r.data.verdict === 'warn' || r.data.verdict === 'alarm')
      ? [{ check: c, step: flagged.nextStep! }]
      : [];
  });
  return (
    <section className="check-strip" aria-labelledby="check-strip-title" data-testid="check-strip">
      <h2 id="check-strip-title" className="incidents-title">
        Feedback checks
      </h2>
      <ul className="check-strip-list">
        {CHECKS.map((c) => {
          const r = results[c.name];
          return (
            <li
              key={c.name}
              data-testid={`overview-check-${c.name}`}
              data-verdict={r.state === 'ready' ? r.data.verdict : undefined}
            >
              <Link to={href(c.name)}>{c.title}</Link>{' '}
              {r.state === 'ready' ? (
                <VerdictBadge verdict={r.data.verdict} />
              ) : r.state === 'loading' ? (
                <span className="badge badge-neutral tab-loading">checking…</span>
              ) : (
                <span className="badge badge-neutral">—</span>
              )}
            </li>
          );
        })}
      </ul>
      {steps.map(({ check, step }) => (
        <p key={check.name} className="next-step">
          <strong>{check.title}:</strong> {step}
        </p>
      ))}
    </section>
  );
}
