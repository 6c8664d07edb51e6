import { createRoute, z } from '@hono/zod-openapi';
import { apiErrors, count, errorBody, iso, json } from './common';
import { conversation } from './conversation';

/** Node types of a trace: the pipeline steps, and `llm` for the model calls (the interactions). */
export const TRACE_NODE_TYPES = ['agent', 'workflow', 'tool', 'retrieval', 'chain', 'memory', 'llm'] as const;

export const traceIdParam = z.strictObject({
  traceId: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hexadecimal characters (an OpenTelemetry trace id)')
    .describe('The trace id, 32 hexadecimal characters'),
});

const traceSignal = z.object({
  time: iso,
  kind: z.string(),
  value: z.number().nullable(),
  explicit: z.boolean(),
  source: z.string().describe('span, evaluation_event, evaluation_log, annotation, log or api'),
});

const traceJudgment = z.object({
  time: iso,
  metric: z.string(),
  judgeId: z.string(),
  score: z.number().nullable(),
  label: z.string(),
  explanation: z.string(),
  source: z.string().describe('api, evaluation_event, evaluation_log or annotation'),
});

const traceInteraction = z.object({
  requestId: z.string(),
  provider: z.string(),
  model: z.string(),
  operation: z.string(),
  prompt: z.string(),
  response: z.string(),
  ...conversation,
  inputTokens: count,
  outputTokens: count,
  cacheReadInputTokens: count,
  cacheWriteInputTokens: count,
  reasoningOutputTokens: count,
  stream: z.boolean().nullable(),
  finishReason: z.string(),
  timeToFirstChunkMs: z.number().nullable(),
});

export const traceNode = z.object({
  spanId: z.string(),
  parentSpanId: z.string().describe("The parent span's id; '' for a root span"),
  depth: count.describe('0 for the roots'),
  children: z.array(z.string()).describe('Span ids of the children, in start-time order'),
  type: z.enum(TRACE_NODE_TYPES),
  name: z.string(),
  operation: z.string(),
  service: z.string(),
  status: z.enum(['ok', 'error']),
  errorMessage: z.string(),
  startTime: iso,
  durationMs: z.number(),
  agentName: z.string(),
  toolName: z.string(),
  documentCount: count.nullable().describe('Documents a retrieval returned, where the span says'),
  documentScores: z.array(z.number()),
  interaction: traceInteraction.nullable().describe('The model call, for nodes of type llm'),
  interactionIds: z.array(z.string()).describe("Request ids of the model calls in the node's subtree"),
  signals: z.array(traceSignal).describe("Feedback on this node's call, or recorded on this span"),
  judgments: z.array(traceJudgment).describe("Verdicts on this node's call, or recorded on this span"),
});

export const traceTree = z.object({
  traceId: z.string(),
  startTime: iso,
  durationMs: z.number().describe('From the first start to the last end among the nodes'),
  roots: z.array(z.string()).describe('Span ids of the nodes without a parent in the trace'),
  nodes: z
    .array(traceNode)
    .describe('Every node, depth first: each node is followed by its subtree, children by start time'),
});

export const getTrace = createRoute({
  method: 'get',
  path: '/api/v1/traces/{traceId}',
  operationId: 'getTrace',
  tags: ['Traces'],
  summary:
    'A trace as its tree: agents, workflows, tools, retrievals and model calls, with signals and judgments',
  request: { params: traceIdParam },
  responses: {
    200: json(traceTree, 'The trace'),
    404: json(errorBody, 'No node or model call of this trace in the project'),
    ...apiErrors,
  },
});

export type TraceTree = z.output<typeof traceTree>;
export type TraceNode = TraceTree['nodes'][number];
export type TraceInteraction = NonNullable<TraceNode['interaction']>;
