import { createHash } from 'node:crypto';
import {
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  EVENT_GEN_AI_ASSISTANT_MESSAGE,
  EVENT_GEN_AI_CHOICE,
  EVENT_GEN_AI_OPERATION_DETAILS,
  EVENT_GEN_AI_SYSTEM_MESSAGE,
  EVENT_GEN_AI_TOOL_MESSAGE,
  EVENT_GEN_AI_USER_MESSAGE,
} from '@flywheel/semconv';
import type { InteractionMessagesRow } from '@flywheel/storage';
import type { DecodedLogRecord } from '../otlp/log-record';
import type { AttrValue } from '../otlp/span';
import { redactText } from '../redact';
import { structured } from './attrs';
import { otelMessages, textOf, type Message } from './content';
import { extraAttributes } from './extra-attributes';

// The per-message events of GenAI conventions v1.36 and before: the role each one stands for.
const MESSAGE_EVENT_ROLES: Record<string, string> = {
  [EVENT_GEN_AI_SYSTEM_MESSAGE]: 'system',
  [EVENT_GEN_AI_USER_MESSAGE]: 'user',
  [EVENT_GEN_AI_ASSISTANT_MESSAGE]: 'assistant',
  [EVENT_GEN_AI_TOOL_MESSAGE]: 'tool',
};

/** Whether a log record carries an LLM call's messages. */
export function isMessageEvent(name: string): boolean {
  return (
    name === EVENT_GEN_AI_OPERATION_DETAILS || name === EVENT_GEN_AI_CHOICE || name in MESSAGE_EVENT_ROLES
  );
}

/**
 * The `interaction_messages` row of a message event: the whole conversation of an operation-details
 * event, or the one message of an older per-message event. Every text is redacted before it is stored.
 */
export function messagesRow(
  record: DecodedLogRecord,
  projectId: string,
  time: string,
): InteractionMessagesRow {
  const a = record.attributes;
  let input: Message[] = [];
  let output: Message[] = [];
  let system = '';
  if (record.eventName === EVENT_GEN_AI_OPERATION_DETAILS) {
    // The conventions put the messages in attributes; some SDKs put them in the body instead.
    const body =
      record.body && typeof record.body === 'object' && !Array.isArray(record.body) ? record.body : {};
    const pick = (key: string) => structured(a, key) ?? structured(body, key);
    input = otelMessages(pick(ATTR_GEN_AI_INPUT_MESSAGES)) ?? [];
    output = otelMessages(pick(ATTR_GEN_AI_OUTPUT_MESSAGES)) ?? [];
    system = textOf(pick(ATTR_GEN_AI_SYSTEM_INSTRUCTIONS));
  } else if (record.eventName === EVENT_GEN_AI_CHOICE) {
    const choice = asObject(record.body);
    const message = asObject(choice.message);
    output = [
      {
        role: typeof message.role === 'string' ? message.role : 'assistant',
        content: textOf(message.content ?? choice.content),
      },
    ];
  } else {
    const body = asObject(record.body);
    const content = textOf(body.content ?? (typeof record.body === 'string' ? record.body : undefined));
    input = [{ role: MESSAGE_EVENT_ROLES[record.eventName] ?? 'user', content }];
  }
  const kinds = new Set<string>();
  const redact = (text: string) => {
    const redacted = redactText(text);
    for (const kind of redacted.kinds) kinds.add(kind);
    return redacted.text;
  };
  const redactAll = (messages: Message[]) =>
    messages.map((m) => ({ role: m.role, content: redact(m.content) }));
  const inputMessages = redactAll(input);
  const outputMessages = redactAll(output);
  return {
    project_id: projectId,
    trace_id: record.traceId,
    span_id: record.spanId,
    event_id: eventId(record),
    time,
    event_name: record.eventName,
    input_messages: inputMessages.length > 0 ? JSON.stringify(inputMessages) : '',
    output_messages: outputMessages.length > 0 ? JSON.stringify(outputMessages) : '',
    system_instructions: system ? redact(system) : '',
    pii_kinds: [...kinds],
    attributes: extraAttributes(a),
  };
}

/**
 * Stable for the same event re-delivered, and ordered as sent: per-message events of one call often
 * share a timestamp, so their position in the request leads and the content hash breaks ties.
 */
export function eventId(record: DecodedLogRecord): string {
  const hash = createHash('sha256')
    .update(
      `${record.eventName}\n${record.timeNs}\n${JSON.stringify(record.body)}\n${JSON.stringify(record.attributes)}`,
    )
    .digest('hex')
    .slice(0, 24);
  return `${String(record.index).padStart(6, '0')}:${hash}`;
}

function asObject(value: AttrValue | undefined): Record<string, AttrValue> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
