import type { CheckName, Verdict } from '@flywheel/api';
import type { Tone } from '../../../shared/components/badge';

export const CHECKS: { name: CheckName; title: string; question: string }[] = [
  { name: 'drift', title: 'Drift', question: 'Has the traffic or the judge changed under us?' },
  { name: 'sycophancy', title: 'Sycophancy', question: 'Does feedback reward flattery over correctness?' },
  {
    name: 'latency-bias',
    title: 'Latency bias',
    question: 'Do users rate fast answers better, right or wrong?',
  },
  { name: 'survivorship', title: 'Survivorship', question: 'Is explicit feedback from a vocal few?' },
];

export function isCheckName(value: string | null): value is CheckName {
  return CHECKS.some((c) => c.name === value);
}

export const VERDICT_TEXT: Record<Verdict, [string, Tone]> = {
  ok: ['ok', 'good'],
  warn: ['warning', 'warn'],
  alarm: ['alarm', 'bad'],
  insufficient_data: ['not enough data', 'neutral'],
};
