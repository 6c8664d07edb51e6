import { createHash } from 'node:crypto';
import type { GateConfig } from '../queries/gate';

/**
 * The key gate verdicts are sealed under: a gate configuration (every threshold and the signal window)
 * and the workloads it is applied to ('' = every workload of the project, as the project's own
 * configuration is). Canonical, so the same thresholds give the same key however they were stored:
 * keys are sorted, and so are list thresholds, which the rules read as sets.
 */
export function gateKey(config: GateConfig, scopeWorkload: string): string {
  const canonical = Object.fromEntries(
    Object.entries(config)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])].sort() : v]),
  );
  return createHash('sha256')
    .update(JSON.stringify({ scope: scopeWorkload, config: canonical }))
    .digest('hex')
    .slice(0, 24);
}
