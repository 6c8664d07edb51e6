import { z } from '@hono/zod-openapi';

/** One chat message, as sent: its role and its text (redacted). */
export const message = z.object({ role: z.string(), content: z.string() });

/**
 * An interaction's conversation, wherever one is returned (the interaction detail, a trace's model
 * calls): from its span when the span carried text, else from the events joined to it by trace and span
 * id (docs/ingest.md). Redacted like every stored text.
 */
export const conversation = {
  systemInstructions: z
    .string()
    .describe("The system instructions: an operation-details event's, else the system turns' text"),
  inputMessages: z.array(message).describe('The input turns as sent, oldest first'),
  outputMessages: z.array(message).describe('The output turns'),
  messagesFrom: z
    .enum(['span', 'events', 'none'])
    .describe('Whether the messages came with the span or with events joined to it by trace and span id'),
};
