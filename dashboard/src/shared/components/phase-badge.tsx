import type { Phase } from '@flywheel/api';
import { Badge } from './badge';

const LABELS: Record<Phase, string> = {
  cold_start: 'cold start',
  bootstrap: 'bootstrap',
  acceleration: 'acceleration',
  maturity: 'maturity',
};

/** docs/design.md §6 phases: cold start (< 70% success), bootstrap (70–80%), acceleration (80–90%), maturity. */
export function PhaseBadge({ phase }: { phase: Phase }) {
  return (
    <Badge tone="info" title="Flywheel phase, from the success-rate band">
      {LABELS[phase] ?? phase}
    </Badge>
  );
}
