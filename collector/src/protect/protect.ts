import type { ChecksConfig } from '../content-checks';
import type { NormalizedBatch } from '../normalize';
import { checkInteraction } from './check-rows';
import { redactInteraction, redactSignal } from './redact-rows';

/**
 * The step between normalization and the writer: nothing reaches storage un-redacted, and every
 * interaction carries the check results the quality gate needs.
 */
export async function protectBatch(batch: NormalizedBatch, config?: ChecksConfig): Promise<NormalizedBatch> {
  const interactions = await Promise.all(
    batch.interactions.map((row) => checkInteraction(redactInteraction(row), config)),
  );
  return { ...batch, interactions, signals: batch.signals.map(redactSignal) };
}
