import type { InteractionGate, Outcome } from '@flywheel/api';
import { Badge } from '../../../shared/components/badge';
import { gateReasonText } from '../../../shared/lib/gate-reasons';

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const tone = outcome === 'success' ? 'good' : outcome === 'failure' ? 'bad' : 'neutral';
  return <Badge tone={tone}>{outcome}</Badge>;
}

export function GateBadge({ gate }: { gate: InteractionGate | null }) {
  if (!gate) return <Badge tone="neutral">—</Badge>;
  if (gate.state === 'passed') return <Badge tone="good">passed</Badge>;
  if (gate.state === 'pending')
    return (
      <Badge tone="neutral" title="The signal window has not closed yet">
        pending
      </Badge>
    );
  return (
    <Badge tone="warn" title={gate.reasons.map(gateReasonText).join('; ')}>
      rejected
    </Badge>
  );
}
