import { Piscina } from 'piscina';
import { processBody, type BodyResult, type BodyTask } from './process-body';

/**
 * A worker thread of the collector's pool: processes one body and hands back its encoded rows by
 * transferring their buffers, so the result crosses threads without a copy or a structured clone of
 * thousands of row objects. Workers never load the engine (chDB binds one data directory per process).
 */
export default async function processInWorker(task: BodyTask): Promise<unknown> {
  const result: BodyResult = await processBody(task);
  if (!('processed' in result)) return result;
  const { interactions, signals } = result.processed.rows;
  // A Transferable in piscina's sense: its value is posted back with these buffers moved, not copied.
  const transferable = {
    [Piscina.transferableSymbol]: [interactions.bytes.buffer, signals.bytes.buffer],
    [Piscina.valueSymbol]: result,
  };
  return Piscina.move(transferable as unknown as Parameters<typeof Piscina.move>[0]);
}
