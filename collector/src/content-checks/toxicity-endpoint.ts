/**
 * Asks an external classifier for the toxicity of `text`: POST `{"text": …}`, expecting
 * `{"score": number in [0,1]}`. Resolves to null on any failure (network, timeout, non-2xx, a body
 * of another shape) so that the caller falls back to the lexicon scorer: a check must never make
 * ingest fail.
 */
export async function fetchToxicity(
  endpoint: string,
  text: string,
  timeoutMs: number,
): Promise<number | null> {
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) {
      await res.body?.cancel();
      return null;
    }
    const body: unknown = await res.json();
    const score = (body as { score?: unknown } | null)?.score;
    return typeof score === 'number' && score >= 0 && score <= 1 ? score : null;
  } catch {
    return null;
  }
}
