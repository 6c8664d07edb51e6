import type { Interaction, InteractionList } from '@flywheel/api';

/** Typed reads of the Flywheel API for tests; the types are the API contract's own. */
export async function getInteractions(
  apiUrl: string,
  query = 'limit=1000',
  apiKey?: string,
): Promise<Interaction[]> {
  const response = await fetch(`${apiUrl}/api/v1/interactions?${query}`, {
    headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
  });
  if (!response.ok) throw new Error(`GET /api/v1/interactions: ${response.status} ${await response.text()}`);
  return ((await response.json()) as InteractionList).items;
}

export async function byRequestId(apiUrl: string, requestId: string): Promise<Interaction | undefined> {
  return (await getInteractions(apiUrl)).find((i) => i.requestId === requestId);
}
