import type { ReactNode } from 'react';
import type { ApiError } from '../../api/errors';
import { useApi } from '../../app/api-context';

export function Loading({ what = 'data' }: { what?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      Loading {what}…
    </div>
  );
}

/** The first thing a new user sees: where to send data. */
export function NoDataYet({ children }: { children?: ReactNode }) {
  const host = typeof location === 'undefined' ? '127.0.0.1' : location.hostname || '127.0.0.1';
  return (
    <div className="state state-empty state-onboarding" data-testid="no-data">
      <p>
        <strong>No data yet</strong> — send spans to <code>http://{host}:4318/v1/traces</code>, or run{' '}
        <code>flywheel demo</code>.
      </p>
      <ol>
        <li>
          Point your app's OpenTelemetry exporter at the OTLP port (4318 by default), or add{' '}
          <code>@flywheel/instrumentation</code>.
        </li>
        <li>
          Record what users do with each answer: <code>POST /api/v1/signals</code> with the response's request
          id.
        </li>
        <li>
          Or see it with simulated traffic first: <code>pnpm demo</code>.
        </li>
      </ol>
      {children ? <div className="state-detail">{children}</div> : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <div className="state state-empty" data-testid="empty">
      {children}
    </div>
  );
}

export function NotAvailable({ what }: { what: string }) {
  return (
    <div className="state state-unavailable" data-testid="not-available">
      <strong>{what} is not available in this version</strong> of the Flywheel server. Upgrade the server to
      see it; nothing here is estimated.
    </div>
  );
}

export function ErrorState({ error, what }: { error: ApiError; what: string }) {
  const { needsKey } = useApi();
  if (error.kind === 'not_available') return <NotAvailable what={what} />;
  if (error.kind === 'unauthorized')
    return (
      <div className="state state-unavailable" role="alert">
        {needsKey ? 'This server needs a project key: paste it above.' : 'The key was refused.'}
      </div>
    );
  return (
    <div className="state state-error" role="alert">
      <strong>Could not load {what}.</strong> {error.message}
    </div>
  );
}
