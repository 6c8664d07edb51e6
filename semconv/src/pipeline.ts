/**
 * Names of the spans a multi-step pipeline emits around its LLM calls: agents, workflows, tools,
 * retrieval and memory, in the OTel GenAI conventions, OpenInference and Traceloop / OpenLLMetry.
 */

// --- OTel GenAI: `gen_ai.operation.name` values that are steps, not model calls ---
export const GEN_AI_OPERATION_CREATE_AGENT = 'create_agent';
export const GEN_AI_OPERATION_INVOKE_AGENT = 'invoke_agent';
export const GEN_AI_OPERATION_INVOKE_WORKFLOW = 'invoke_workflow';
export const GEN_AI_OPERATION_EXECUTE_TOOL = 'execute_tool';
export const GEN_AI_OPERATION_RETRIEVAL = 'retrieval';
/** Memory operations share this part of their name (`search_memory`, `update_memory`, …). */
export const GEN_AI_OPERATION_MEMORY_MARKER = 'memory';

export const ATTR_GEN_AI_AGENT_NAME = 'gen_ai.agent.name';
export const ATTR_GEN_AI_AGENT_ID = 'gen_ai.agent.id';
export const ATTR_GEN_AI_WORKFLOW_NAME = 'gen_ai.workflow.name';
export const ATTR_GEN_AI_TOOL_NAME = 'gen_ai.tool.name';
export const ATTR_GEN_AI_TOOL_CALL_ID = 'gen_ai.tool.call.id';
export const ATTR_GEN_AI_DATA_SOURCE_ID = 'gen_ai.data_source.id';
/** Retrieved documents as a JSON list of `{id, score}`. */
export const ATTR_GEN_AI_RETRIEVAL_DOCUMENTS = 'gen_ai.retrieval.documents';

// --- OpenInference ---
export const ATTR_TOOL_NAME = 'tool.name';
/** `retrieval.documents.N.document.id` / `.score` / `.content` */
export const PREFIX_RETRIEVAL_DOCUMENTS = 'retrieval.documents.';
export const ATTR_AGENT_NAME = 'agent.name';

// --- Traceloop / OpenLLMetry ---
export const ATTR_TRACELOOP_ENTITY_NAME = 'traceloop.entity.name';
export const ATTR_TRACELOOP_WORKFLOW_NAME = 'traceloop.workflow.name';

// --- Vercel AI SDK ---
/** `ai.operationId` of a tool call, and the tool's name on it. */
export const AI_OPERATION_TOOL_CALL = 'ai.toolCall';
export const ATTR_AI_TOOL_CALL_NAME = 'ai.toolCall.name';

// --- OpenLLMetry vector stores: one event per hit, with its score ---
export const EVENT_DB_QUERY_RESULT = 'db.query.result';
export const ATTR_DB_QUERY_RESULT_SCORE = 'db.query.result.score';
