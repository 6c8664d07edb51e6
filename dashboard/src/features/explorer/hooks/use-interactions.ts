import { endpoints } from '../../../api/endpoints';
import type { Interaction, InteractionQuery } from '@flywheel/api';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import type { Resource } from '../../../shared/lib/resource';

export function useInteractions(query: InteractionQuery): Resource<Interaction[]> {
  return useApiQuery(endpoints.interactions(query));
}

export function useInteraction(requestId: string): Resource<Interaction | null> {
  return useApiQuery(endpoints.interaction(requestId));
}
