import type { CheckName } from '@flywheel/api';
import { CHECKS } from '../../checks/lib/check-meta';
import type { CheckVerdicts } from '../hooks/use-check-verdicts';
import type { Health } from './health';

export interface CheckHeadline {
  /** True while any check is still computing: until then no verdict may read "healthy". */
  pending: boolean;
  /** Checks in warning, and in alarm, in the Checks page's order. */
  warnings: CheckName[];
  alarms: CheckName[];
}

export function checkHeadline(results: CheckVerdicts): CheckHeadline {
  const named = (verdict: 'warn' | 'alarm') =>
    CHECKS.filter((c) => {
      const r = results[c.name];
      return r.state === 'ready' && r.data.verdict === verdict;
    }).map((c) => c.name);
  return {
    pending: CHECKS.some((c) => results[c.name].state === 'loading'),
    warnings: named('warn'),
    alarms: named('alarm'),
  };
}

/**
 * The project's health with the feedback checks counted: a check in warning or alarm means the feedback
 * the loop learns from is suspect, so the project needs attention however its workloads look. A warning
 * never reads as healthy; a critical workload stays critical.
 */
export function withChecks(project: Health, checks: CheckHeadline): Health {
  const flagged = checks.warnings.length + checks.alarms.length > 0;
  return flagged && (project === 'healthy' || project === 'unknown') ? 'attention' : project;
}

/** "2 warnings: survivorship, drift", "1 check in alarm: drift" — the headline's words for the checks. */
export function checkPhrases(checks: CheckHeadline): Array<{ text: string; first: CheckName }> {
  const title = (name: CheckName) => CHECKS.find((c) => c.name === name)!.title.toLowerCase();
  const out: Array<{ text: string; first: CheckName }> = [];
  if (checks.alarms.length > 0)
    out.push({
      text: `${checks.alarms.length} check${checks.alarms.length === 1 ? '' : 's'} in alarm: ${checks.alarms.map(title).join(', ')}`,
      first: checks.alarms[0]!,
    });
  if (checks.warnings.length > 0)
    out.push({
      text: `${checks.warnings.length} warning${checks.warnings.length === 1 ? '' : 's'}: ${checks.warnings.map(title).join(', ')}`,
      first: checks.warnings[0]!,
    });
  return out;
}
