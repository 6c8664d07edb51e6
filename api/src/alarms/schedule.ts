import type { AlarmEvaluator } from './evaluator';

/**
 * Runs the evaluator every `intervalMs` for every project, each as of its own latest event time. A run
 * that is still going when the next is due is not doubled. Returns the function that stops it.
 */
export function scheduleEvaluations(
  evaluator: AlarmEvaluator,
  projects: () => Promise<string[]>,
  intervalMs: number,
  log: (line: string) => void,
): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      for (const projectId of await projects()) {
        const result = await evaluator.evaluate(projectId);
        for (const a of result.fired)
          log(`flywheel: alarm fired: ${a.kind} ${a.workloadId} ${a.modelVersion} — ${a.recommendation}`);
        for (const a of result.resolved)
          log(`flywheel: alarm resolved: ${a.kind} ${a.workloadId} ${a.modelVersion}`);
      }
    })()
      .catch((error: unknown) => log(`flywheel: alarm evaluation failed: ${(error as Error).message}`))
      .finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
