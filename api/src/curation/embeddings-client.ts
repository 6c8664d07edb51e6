import { z } from 'zod';

/** An OpenAI-compatible embeddings service (`FLYWHEEL_EMBEDDINGS_*`). */
export interface EmbeddingsConfig {
  /** Base URL of the API, e.g. `https://api.openai.com/v1`; texts are POSTed to `{url}/embeddings`. */
  url: string;
  /** Sent as `Authorization: Bearer <key>` when set (local servers often need none). */
  key?: string;
  model: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
  /** Retries after a network error, a timeout, 429 or 5xx; default 2. Other answers are final. */
  retries?: number;
  /** Texts per request; default 64. */
  batchSize?: number;
}

export interface EmbeddingsClient {
  readonly model: string;
  /** One vector per text, in order. Throws EmbeddingsError with a reason a person can act on. */
  embed(texts: readonly string[]): Promise<number[][]>;
}

/** Why the service gave no vectors; its message is what the similar-examples response reports. */
export class EmbeddingsError extends Error {}

/** A failure worth trying again (the service is down, slow or busy). */
class Retryable extends EmbeddingsError {}

/**
 * Longest text sent, in characters: models refuse inputs over their context (8,191 tokens for OpenAI's),
 * and the start of a prompt says what it asks.
 */
export const MAX_EMBEDDED_CHARS = 8000;

const answer = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()).min(1), index: z.number().int().min(0) })),
});

const RETRY_DELAYS_MS = [250, 1000, 4000];

export function createEmbeddingsClient(config: EmbeddingsConfig): EmbeddingsClient {
  const endpoint = `${config.url.replace(/\/+$/, '')}/embeddings`;
  const timeoutMs = config.timeoutMs ?? 10_000;
  const retries = config.retries ?? 2;
  const batchSize = config.batchSize ?? 64;

  async function request(input: string[]): Promise<number[][]> {
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(config.key ? { authorization: `Bearer ${config.key}` } : {}),
        },
        body: JSON.stringify({ model: config.model, input }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } };
      const why =
        e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.message);
      throw new Retryable(`embeddings service at ${endpoint} unreachable: ${why}`);
    }
    if (!response.ok) {
      const body = (await response.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
      const message = `embeddings service answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${body ? `: ${body}` : ''}`;
      if (response.status === 429 || response.status >= 500) throw new Retryable(message);
      throw new EmbeddingsError(
        response.status === 401 || response.status === 403
          ? `${message} (check FLYWHEEL_EMBEDDINGS_KEY)`
          : message,
      );
    }
    const parsed = answer.safeParse(await response.json().catch(() => null));
    if (!parsed.success || parsed.data.data.length !== input.length)
      throw new EmbeddingsError(
        `embeddings service answered without one embedding per input (expected OpenAI's {"data":[{"embedding":[…],"index":0}]})`,
      );
    const vectors = [...parsed.data.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    const dimensions = vectors[0]!.length;
    if (vectors.some((v) => v.length !== dimensions))
      throw new EmbeddingsError('embeddings service answered vectors of different lengths');
    return vectors;
  }

  async function withRetries(input: string[]): Promise<number[][]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(input);
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        if (attempt >= retries) throw new EmbeddingsError(error.message);
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt] ?? 4000));
      }
    }
  }

  return {
    model: config.model,
    async embed(texts) {
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        const batch = texts.slice(i, i + batchSize).map((t) => t.slice(0, MAX_EMBEDDED_CHARS));
        vectors.push(...(await withRetries(batch)));
      }
      return vectors;
    },
  };
}
