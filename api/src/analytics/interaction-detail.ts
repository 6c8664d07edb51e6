import type { ClickHouseClient } from '@flywheel/storage';
import { firstItems, type InteractionSearch } from './interactions';

/**
 * One interaction by request id, as the list shows it plus its conversation (system instructions, input
 * and output messages, from the span, else from its events); null when the project has none.
 */
export async function findInteraction(
  client: ClickHouseClient,
  s: InteractionSearch & { requestId: string },
) {
  // One row, found by its id: no total to count.
  const items = await firstItems(client, s, { limit: 1, conversation: true });
  const item = items[0];
  if (!item) return null;
  const {
    systemInstructions = '',
    inputMessages = [],
    outputMessages = [],
    messagesFrom = 'none',
    ...row
  } = item;
  return { ...row, systemInstructions, inputMessages, outputMessages, messagesFrom };
}
