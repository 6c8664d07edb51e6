/** Minimal typed reads of the Flywheel API for tests. */
export interface ApiInteraction {
  requestId: string;
  traceId: string;
  spanId: string;
  time: string;
  workloadId: string;
  service: string;
  provider: string;
  model: string;
  modelVersion: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  timeToFirstChunkMs: number | null;
  prompt: string;
  response: string;
  outcome: 'success' | 'failure' | 'unknown';
  signals: string[];
  [key: string]: unknown;
}

export async function getInteractions(
  apiUrl: string,
  query = 'limit=1000',
  apiKey?: string,
): Promise<ApiInteraction[]> {
  const response = await fetch(`${apiUrl}/api/v1/interactions?${query}`, {
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
  });
  if (!response.ok) throw new Error(`GET /api/v1/interactions: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { items: ApiInteraction[] }).items;
}

export async function byRequestId(apiUrl: string, requestId: string): Promise<ApiInteraction | undefined> {
  return (await getInteractions(apiUrl)).find((i) => i.requestId === requestId);
}
