import { describe, expect, it } from 'vitest';
import { BatchWriter, FlushError, QueueFullError, WriterClosedError } from './batch-writer';

function recorder(options: ConstructorParameters<typeof BatchWriter<number[]>>[2] = {}, delayMs = 0) {
  const flushes: number[][] = [];
  const writer = new BatchWriter<number[]>(
    async (batches) => {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      flushes.push(batches.flat());
    },
    (b) => b.length,
    options,
  );
  return { writer, flushes };
}

describe('BatchWriter', () => {
  it('groups writes that arrive within the scheduled delay into one flush', async () => {
    const { writer, flushes } = recorder({ scheduledDelayMs: 30 });
    await Promise.all([writer.write([1, 2]), writer.write([3]), writer.write([4])]);
    expect(flushes).toEqual([[1, 2, 3, 4]]);
    expect(writer.stats).toMatchObject({ writtenItems: 4, queuedItems: 0 });
  });

  it('flushes at once when a batch is full, and never splits one caller across flushes', async () => {
    const { writer, flushes } = recorder({ scheduledDelayMs: 10_000, maxBatchSize: 3 });
    await Promise.all([writer.write([1, 2]), writer.write([3, 4]), writer.write([5])]);
    expect(flushes).toEqual([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('resolves a write only after its flush has finished', async () => {
    const { writer, flushes } = recorder({ scheduledDelayMs: 1 }, 40);
    await writer.write([1]);
    expect(flushes).toEqual([[1]]);
  });

  it('refuses a write that would overflow the queue, counting the drop once', async () => {
    let drops = 0;
    const writer = new BatchWriter<number[]>(
      async () => new Promise((r) => setTimeout(r, 50)),
      (b) => b.length,
      { maxQueueSize: 3, scheduledDelayMs: 1000 },
      () => drops++,
    );
    const first = writer.write([1, 2, 3]);
    await expect(writer.write([4])).rejects.toBeInstanceOf(QueueFullError);
    await expect(writer.write([5])).rejects.toBeInstanceOf(QueueFullError);
    expect(writer.stats.droppedItems).toBe(2);
    expect(drops).toBe(1);
    await writer.shutdown();
    await first;
  });

  it('fails every caller of a failed or timed-out flush with a FlushError', async () => {
    const failing = new BatchWriter<number[]>(
      async () => {
        throw new Error('boom');
      },
      (b) => b.length,
      { scheduledDelayMs: 1 },
    );
    await expect(failing.write([1])).rejects.toThrow(FlushError);
    expect(failing.stats.failedFlushes).toBe(1);
    const slow = new BatchWriter<number[]>(
      () => new Promise(() => {}),
      (b) => b.length,
      { scheduledDelayMs: 1, exportTimeoutMs: 20 },
    );
    await expect(slow.write([1])).rejects.toThrow(/timed out after 20 ms/);
  });

  it('hands each caller the items storage refused from its own batch; the rest count as written', async () => {
    const writer = new BatchWriter<number[]>(
      async (batches) =>
        batches.map((b) => b.flatMap((x, index) => (x < 0 ? [{ index, reason: 'bad' }] : []))),
      (b) => b.length,
      { scheduledDelayMs: 5 },
    );
    const [a, b] = await Promise.all([writer.write([1, -2, 3]), writer.write([4])]);
    expect(a).toEqual({ refused: [{ index: 1, reason: 'bad' }] });
    expect(b).toEqual({ refused: [] });
    expect(writer.stats).toMatchObject({ writtenItems: 3, refusedItems: 1 });
  });

  it('drains everything queued on shutdown and refuses later writes', async () => {
    const { writer, flushes } = recorder({ scheduledDelayMs: 60_000, maxBatchSize: 2 });
    const pending = [writer.write([1]), writer.write([2]), writer.write([3])];
    await writer.shutdown();
    await Promise.all(pending);
    expect(flushes.flat()).toEqual([1, 2, 3]);
    await expect(writer.write([4])).rejects.toBeInstanceOf(WriterClosedError);
  });
  it('remembers the last failed flush until a later one commits (for /healthz)', async () => {
    let fail = true;
    const writer = new BatchWriter<number[]>(
      async () => {
        if (fail) throw new Error('disk full');
      },
      (b) => b.length,
      { scheduledDelayMs: 1 },
    );
    expect(writer.lastFailure).toBeNull();
    await expect(writer.write([1])).rejects.toThrow(FlushError);
    expect(writer.lastFailure).toMatchObject({ message: 'storage did not commit the batch: disk full' });
    expect(writer.lastFailure!.at).toBeInstanceOf(Date);
    fail = false;
    await writer.write([2]);
    expect(writer.lastFailure).toBeNull();
  });
});
