import type { ExampleEmbeddings } from './example-embeddings';

/**
 * The embeddings catch-up pass, now and then every `intervalMs`: gold examples whose embedding failed
 * (service down, wrong key) or that were gold before embeddings were configured get their vectors once
 * the service answers. Returns the function that stops it.
 */
export function scheduleEmbeddingCatchUp(
  embeddings: ExampleEmbeddings,
  intervalMs: number,
  log: (line: string) => void,
): () => void {
  const run = () =>
    void embeddings.catchUp().then((n) => {
      if (n > 0) log(`flywheel: embedded ${n} gold examples with ${embeddings.model}`);
    });
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
