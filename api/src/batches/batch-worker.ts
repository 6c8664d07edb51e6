import { Piscina } from 'piscina';
import { parseBatch, type BatchResult, type BatchTask } from './parse-batch';

/**
 * A worker thread of the batch pool: parses one batch body and hands back its encoded rows by
 * transferring their buffer, so the result crosses threads without a copy or a clone of 10,000 items.
 */
export default function parseInWorker(task: BatchTask): unknown {
  const result: BatchResult = parseBatch(task);
  if (!('lines' in result)) return result;
  // A Transferable in piscina's sense: its value is posted back with the buffer moved, not copied.
  const transferable = {
    [Piscina.transferableSymbol]: [result.lines.buffer],
    [Piscina.valueSymbol]: result,
  };
  return Piscina.move(transferable as unknown as Parameters<typeof Piscina.move>[0]);
}
