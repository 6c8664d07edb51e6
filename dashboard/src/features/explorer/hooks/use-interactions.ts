import { endpoints } from '../../../api/endpoints';
import type { Interaction, InteractionList, InteractionQuery } from '@flywheel/api';
import { useApiQuery } from '../../../shared/hooks/use-api-query';
import type { Resource } from '../../../shared/lib/resource';

/** One page of the list, with the total the filters select and the cursors to the pages around it. */
export function useInteractions(query: InteractionQuery): Resource<InteractionList> {
  return useApiQuery(endpoints.interactions(query));
}

export function useInteraction(requestId: string): Resource<Interaction | null> {
  return useApiQuery(endpoints.interaction(requestId));
}
