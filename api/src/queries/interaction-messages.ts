import { EVENT_GEN_AI_OPERATION_DETAILS } from '@flywheel/semconv';

/**
 * An interaction's messages, defined once for every reader: the detail, the review page, the explorer's
 * CSV, dataset exports, golden sets, gold examples, compare's samples and the trace tree.
 *
 * An LLM call's text arrives on its span (prompt, response, input_messages, from whichever convention
 * carried them) or, when the span carried none, as events stored in `interaction_messages` (migration
 * 0009): one `gen_ai.client.inference.operation.details` event with the whole exchange, or the older
 * one-event-per-message form. Span and events arrive in either order, so they are joined here, at read
 * time, by project, trace and span id, and only for the traces of the rows read.
 *
 * Precedence, per side: the span's input wins over the events' input, the span's response over the
 * events' output (docs/decisions.md). Of the events, the last operation-details event wins over
 * per-message events, which are taken in the order sent. All stored text was redacted before storage.
 */

/** The engine's type of one chat message; every conversation below is an array of it. */
export const MESSAGE_TYPE = 'Tuple(role String, content String)';
const MESSAGES_TYPE = `Array(${MESSAGE_TYPE})`;

const DETAILS = `'${EVENT_GEN_AI_OPERATION_DETAILS}'`;
const NONE = `CAST([], '${MESSAGES_TYPE}')`;
const parse = (json: string) => `JSONExtract(${json}, '${MESSAGES_TYPE}')`;
const turn = (role: string, content: string) => `CAST((${role}, ${content}), '${MESSAGE_TYPE}')`;
const role = (m: string) => `tupleElement(${m}, 'role')`;
const contents = (messages: string) => `arrayMap(m -> tupleElement(m, 'content'), ${messages})`;

/**
 * SQL: per call span of the traces `traces` (a subquery of trace ids) names, the messages its events
 * carried: `ev_input`, `ev_output` (arrays of MESSAGE_TYPE), `ev_system` (an operation-details event's
 * system instructions) and `ev_found` = 1. A re-delivered event has the same event id and is read once,
 * without FINAL. The sort key leads with the trace, so only those traces' granules are read.
 */
const eventMessagesSql = (traces: string) => `
  SELECT trace_id, span_id, 1 AS ev_found,
    countIf(event_name = ${DETAILS}) > 0 AS ev_details,
    argMaxIf((input_messages, output_messages, system_instructions), (time, event_id), event_name = ${DETAILS}) AS ev_last,
    arraySort(groupArrayIf((time, event_id, input_messages, output_messages), event_name != ${DETAILS})) AS ev_parts,
    if(ev_details, ${parse('tupleElement(ev_last, 1)')},
      arrayFlatten(arrayMap(p -> ${parse('tupleElement(p, 3)')}, ev_parts))) AS ev_input,
    if(ev_details, ${parse('tupleElement(ev_last, 2)')},
      arrayFlatten(arrayMap(p -> ${parse('tupleElement(p, 4)')}, ev_parts))) AS ev_output,
    if(ev_details, tupleElement(ev_last, 3), '') AS ev_system
  FROM (
    SELECT trace_id, span_id, event_id, time, event_name, input_messages, output_messages, system_instructions
    FROM interaction_messages
    WHERE project_id = {projectId:String} AND trace_id IN (${traces})
    LIMIT 1 BY trace_id, span_id, event_id
  )
  GROUP BY trace_id, span_id`;

export interface TextSource {
  /** Columns of `interactions` carried along (a select list, without trace_id, span_id and the text). */
  columns: string;
  /** A condition over `interactions`, scoped by `{projectId:String}`: the rows read. */
  where: string;
}

/**
 * SQL: the `interactions` rows `where` selects (each stored copy, as the table holds them) with
 * `columns`, trace_id, span_id and the interaction's text, span first, else its events:
 * - `prompt`: the last user turn (the conversation's text when there is none), as ingest defines it;
 * - `response`: the output turns' text;
 * - `input_messages`, `output_messages`: the turns as sent (Array(MESSAGE_TYPE)); a span's stored
 *   conversation includes its system turn, a span with its prompt alone is that one user turn;
 * - `system_instructions`: an operation-details event's instructions, else the system turns' text;
 * - `conversation`: what led to the response, system instructions first (for exports);
 * - `messages_from`: 'span', 'events' or 'none'.
 */
export function interactionTextSql({ columns, where }: TextSource): string {
  return `
    SELECT * EXCEPT (t_prompt, t_response, t_input, span_input, span_asked, ev_found, ev_input, ev_output,
      ev_system, separate_system)
    FROM (
      SELECT r.*, e.ev_found AS ev_found, e.ev_input AS ev_input, e.ev_output AS ev_output,
        e.ev_system AS ev_system,
        if(r.t_input != '', ${parse('r.t_input')}, if(r.t_prompt != '', [${turn("'user'", 'r.t_prompt')}], ${NONE})) AS span_input,
        notEmpty(span_input) AS span_asked,
        if(span_asked, span_input, ev_input) AS input_messages,
        if(r.t_response != '', [${turn("'assistant'", 'r.t_response')}], ev_output) AS output_messages,
        if(span_asked, r.t_prompt,
          if(arrayExists(m -> ${role('m')} = 'user', ev_input),
            tupleElement(arrayLast(m -> ${role('m')} = 'user', ev_input), 'content'),
            arrayStringConcat(${contents('ev_input')}, '\\n\\n'))) AS prompt,
        if(r.t_response != '', r.t_response, arrayStringConcat(${contents('ev_output')}, '\\n\\n')) AS response,
        if(span_asked, '', ev_system) AS separate_system,
        if(separate_system != '', separate_system,
          arrayStringConcat(${contents(`arrayFilter(m -> ${role('m')} = 'system', input_messages)`)}, '\\n\\n')) AS system_instructions,
        if(separate_system != '', arrayPushFront(input_messages, ${turn("'system'", 'separate_system')}), input_messages) AS conversation,
        multiIf(span_asked OR r.t_response != '', 'span', ev_found = 1, 'events', 'none') AS messages_from
      FROM (
        SELECT trace_id, span_id, prompt AS t_prompt, response AS t_response, input_messages AS t_input, ${columns}
        FROM interactions
        WHERE ${where}
      ) AS r
      LEFT JOIN (${eventMessagesSql(`SELECT trace_id FROM interactions WHERE ${where}`)}) AS e
        ON e.trace_id = r.trace_id AND e.span_id = r.span_id
    )`;
}

/**
 * SQL: (trace_id, span_id) of the calls whose event-borne messages, sent in [{from}, {to}), contain
 * `{text:String}` (case-insensitive, in a message's text or the system instructions): the explorer's text
 * search over events, bounded by its own range like its search over spans. An event is sent as its call
 * ends, within seconds of the call's start time.
 */
export const EVENT_TEXT_MATCH_SQL = `
  SELECT trace_id, span_id FROM interaction_messages
  WHERE project_id = {projectId:String}
    AND time >= {from:DateTime64(6, 'UTC')} AND time < {to:DateTime64(6, 'UTC')}
    AND (positionCaseInsensitiveUTF8(system_instructions, {text:String}) > 0
      OR arrayExists(m -> positionCaseInsensitiveUTF8(tupleElement(m, 'content'), {text:String}) > 0,
        arrayConcat(${parse('input_messages')}, ${parse('output_messages')})))`;

/** A chat message as the API returns it. */
export interface MessageRecord {
  role: string;
  content: string;
}

/** The conversation of one interaction as the detail and the trace tree return it. */
export interface ConversationRecord {
  systemInstructions: string;
  inputMessages: MessageRecord[];
  outputMessages: MessageRecord[];
  messagesFrom: 'span' | 'events' | 'none';
}

/** SQL select list over `interactionTextSql`'s columns: a ConversationRecord. */
export const CONVERSATION_COLUMNS = `system_instructions AS systemInstructions, input_messages AS inputMessages,
  output_messages AS outputMessages, messages_from AS messagesFrom`;
