import type { FuzzReport } from './run';

/** The report as `pnpm fuzz` prints it: one figure per line. */
export function summary(report: FuzzReport): string {
  const statuses = Object.entries(report.statuses)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  return [
    `bodies tried        ${report.bodies} (OTLP traces ${report.byTarget.otlp}, logs ${report.byTarget.logs}, signals ${report.byTarget.signals}, API ${report.byTarget.api}) in ${report.seconds} s, seed ${report.seed}`,
    `statuses            ${statuses}`,
    `mean answer         OTLP ${report.meanMsByTarget.otlp} ms, signals ${report.meanMsByTarget.signals} ms, API ${report.meanMsByTarget.api} ms`,
    `crashes             ${report.crashed ? 1 : 0}`,
    `5xx                 ${report.serverErrors} (back-pressure with Retry-After, not counted: ${report.backPressure})`,
    `unanswered          ${report.timeouts} timed out, ${report.transportErrors} connections closed without an answer`,
    `max /healthz        ${Math.round(report.maxHealthzMs)} ms (non-200: ${report.healthzNon200})`,
    `peak server RSS     ${report.peakRssMiB ?? 'unknown'} MiB`,
    ...report.healthzProblems.map((p) => `/healthz said      ${p}`),
  ].join('\n');
}
