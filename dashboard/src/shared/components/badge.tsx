import type { ReactNode } from 'react';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral' | 'info';

export function Badge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

/** Check verdicts (docs/design.md §7) as colours a reader knows without a legend. */
export function verdictTone(verdict: string | null | undefined): Tone {
  switch (verdict) {
    case 'ok':
    case 'healthy':
    case 'success':
    case 'passed':
    case 'resolved':
      return 'good';
    case 'warn':
    case 'too_strict':
    case 'too_loose':
    case 'stagnating':
      return 'warn';
    case 'alarm':
    case 'critical':
    case 'firing':
    case 'failure':
    case 'rejected':
      return 'bad';
    default:
      return 'neutral';
  }
}
