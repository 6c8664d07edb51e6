import type { ClickHouseClient, Topology } from '@flywheel/storage';
import {
  declareVectorIndex,
  insertEmbeddings,
  pendingEmbeddings,
  vectorIndexDimensions,
} from '../queries/example-embeddings';
import { createEmbeddingsClient, type EmbeddingsConfig } from './embeddings-client';

/** Requests embedded per step on the write path (one service request: the client's batch is 64). */
const BATCH = 64;
/** Pending examples read per catch-up step (the client sends them 64 per request). */
const CATCH_UP_STEP = 512;

/**
 * The gold examples' vectors under the configured embeddings model (migration 0012). Writes happen
 * beside the reviews, never in their way: a review POST only queues its requests, and a failing service
 * leaves them pending for the catch-up pass, which finds every gold example without a vector.
 */
export interface ExampleEmbeddings {
  readonly model: string;
  /** Queues the gold examples among these requests for embedding; returns at once, never throws. */
  embedLater(projectId: string, requestIds: readonly string[]): void;
  /** Embeds up to `limit` gold examples of any project that have no vector yet; the number embedded. */
  catchUp(limit?: number): Promise<number>;
  /** The query text's vector, with a short timeout and one retry: a person is waiting for the answer. */
  embedQuery(text: string): Promise<number[]>;
  /** Resolves when the queued work is done (tests). */
  idle(): Promise<void>;
  /** Drops queued work after the batch in flight (whose service call is bounded by its timeout). */
  close(): Promise<void>;
}

export interface ExampleEmbeddingsOptions {
  client: ClickHouseClient;
  /** Where the index is declared (the `_local` tables on a cluster). */
  topology: Topology;
  config: EmbeddingsConfig;
  log?: (line: string) => void;
}

export function createExampleEmbeddings(options: ExampleEmbeddingsOptions): ExampleEmbeddings {
  const { client, topology, config } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const writes = createEmbeddingsClient(config);
  const queries = createEmbeddingsClient({
    ...config,
    timeoutMs: Math.min(config.timeoutMs ?? 10_000, 5_000),
    retries: Math.min(config.retries ?? 2, 1),
  });

  // The index's dimension, looked up once; declaring it is serialised so two batches never race.
  let indexed: Promise<number | null> | null = null;
  const ensureIndex = (dimensions: number): Promise<number | null> => {
    indexed = (indexed ?? vectorIndexDimensions(client, topology)).then(async (current) => {
      if (current === dimensions) return current;
      await declareVectorIndex(client, topology, dimensions, current);
      log(`flywheel: vector index of gold examples declared for ${dimensions} dimensions (${config.model})`);
      return dimensions;
    });
    // A failed declaration is looked up again next time instead of being remembered.
    void indexed.catch(() => (indexed = null));
    return indexed;
  };

  /** Embeds one batch of pending examples; the number embedded. */
  const embedPending = async (p: { limit: number; projectId?: string; requestIds?: readonly string[] }) => {
    const pending = await pendingEmbeddings(client, { model: config.model, ...p });
    if (pending.length === 0) return 0;
    const vectors = await writes.embed(pending.map((e) => e.text));
    await ensureIndex(vectors[0]!.length);
    await insertEmbeddings(
      client,
      pending.map((e, i) => ({ ...e, model: config.model, vector: vectors[i]! })),
    );
    return pending.length;
  };

  let lastFailure = '';
  const reportFailure = (error: unknown) => {
    const message = (error as Error).message;
    // One line per distinct reason, not one per review while the service is down.
    if (message !== lastFailure)
      log(
        `flywheel: gold examples not embedded (${message}); they stay lexically searchable and the catch-up pass retries`,
      );
    lastFailure = message;
  };

  let queue: Promise<void> = Promise.resolve();
  let closed = false;
  return {
    model: config.model,
    embedLater(projectId, requestIds) {
      if (requestIds.length === 0) return;
      queue = queue.then(async () => {
        try {
          for (let i = 0; i < requestIds.length && !closed; i += BATCH)
            await embedPending({ limit: BATCH, projectId, requestIds: requestIds.slice(i, i + BATCH) });
          lastFailure = '';
        } catch (error) {
          reportFailure(error);
        }
      });
    },
    catchUp(limit = 1024) {
      // On the same queue as the write path, so the two never embed the same example twice.
      const run = queue.then(async () => {
        let done = 0;
        try {
          while (done < limit && !closed) {
            const n = await embedPending({ limit: Math.min(CATCH_UP_STEP, limit - done) });
            if (n === 0) break;
            done += n;
          }
          lastFailure = '';
        } catch (error) {
          reportFailure(error);
        }
        return done;
      });
      queue = run.then(() => undefined);
      return run;
    },
    async embedQuery(text) {
      const [vector] = await queries.embed([text]);
      return vector!;
    },
    idle: () => queue,
    close() {
      closed = true;
      return queue;
    },
  };
}
