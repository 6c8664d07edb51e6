import type { ReactNode } from 'react';

/** A titled section of a page; `help` says in one line what the reader is looking at. */
export function Panel({
  title,
  help,
  actions,
  children,
  testId,
  wide,
}: {
  title: string;
  help?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  return (
    <section className={`panel${wide ? ' panel-wide' : ''}`} data-testid={testId}>
      <header className="panel-header">
        <div>
          <h2>{title}</h2>
          {help ? <p className="panel-help">{help}</p> : null}
        </div>
        {actions ? <div className="panel-actions">{actions}</div> : null}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
