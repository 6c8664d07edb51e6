import { EDIT_RATIO_POSITIVE_MAX, EXPLICIT_SIGNAL_KINDS } from '../semconv';
import type { SignalKind } from '../semconv';

/** Whether a signal speaks for (1) or against (0) the response, per the table of DESIGN §3. */
export function signalPolarity(kind: SignalKind, value: number | undefined): 0 | 1 {
  switch (kind) {
    case 'thumbs_up':
    case 'accepted':
    case 'copied':
      return 1;
    case 'edited':
      return value !== undefined && value <= EDIT_RATIO_POSITIVE_MAX ? 1 : 0;
    default:
      return 0;
  }
}

export function isExplicitSignal(kind: SignalKind): boolean {
  return EXPLICIT_SIGNAL_KINDS.has(kind);
}
