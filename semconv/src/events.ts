import { SPAN_NAME_FLYWHEEL_SIGNAL } from './attributes';

/**
 * GenAI events, which OpenTelemetry SDKs emit as log records (`POST /v1/logs`) and older
 * instrumentations as span events, and Flywheel's own signal event.
 */

/** The opt-in event holding an LLM call's messages (current GenAI conventions). */
export const EVENT_GEN_AI_OPERATION_DETAILS = 'gen_ai.client.inference.operation.details';

/** One event per message (GenAI conventions v1.36 and before); the body holds the message. */
export const EVENT_GEN_AI_SYSTEM_MESSAGE = 'gen_ai.system.message';
export const EVENT_GEN_AI_USER_MESSAGE = 'gen_ai.user.message';
export const EVENT_GEN_AI_ASSISTANT_MESSAGE = 'gen_ai.assistant.message';
export const EVENT_GEN_AI_TOOL_MESSAGE = 'gen_ai.tool.message';
export const EVENT_GEN_AI_CHOICE = 'gen_ai.choice';

/** A user's feedback as a log event; it carries the `flywheel.signal.*` attributes of a signal span. */
export const EVENT_FLYWHEEL_SIGNAL = SPAN_NAME_FLYWHEEL_SIGNAL;
/** The older SDKs' way of naming an event: an attribute of the log record. */
export const ATTR_EVENT_NAME = 'event.name';
