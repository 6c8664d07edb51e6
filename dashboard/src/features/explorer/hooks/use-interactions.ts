import type { Interaction, InteractionQuery } from '../../../api/types';
import { useResource, type Resource } from '../../../shared/hooks/use-resource';

export function useInteractions(query: InteractionQuery): Resource<Interaction[]> {
  const { limit, workload, modelVersion, outcome, gate, q, from, to } = query;
  return useResource(
    (client, signal) => client.interactions(query, signal),
    [limit, workload, modelVersion, outcome, gate, q, from, to],
  );
}

export function useInteraction(requestId: string): Resource<Interaction | null> {
  return useResource((client, signal) => client.interaction(requestId, signal), [requestId]);
}
