import type { ClickHouseClient } from '@flywheel/storage';
import { eventTimeToIso, eventTimeToMicros, microsToEventTime } from '../analytics/time';
import type { TraceInteraction, TraceNode, TraceTree } from '../contract/traces';
import {
  traceCalls,
  traceJudgments,
  traceNodes,
  traceSignals,
  type CallRecord,
  type JudgmentRecord,
  type NodeRecord,
  type SignalRecord,
  type TraceKey,
} from '../queries/trace';

/**
 * A trace as its tree: pipeline nodes and model calls joined by parent span id, each call with its
 * messages (from the span, else from events joined by trace and span id, whichever arrived first),
 * signals and judgments. Null when the project holds nothing of the trace. Spans that are neither a
 * step nor a call are not stored, so a node whose parent is one becomes a root.
 */
export async function traceTree(client: ClickHouseClient, key: TraceKey): Promise<TraceTree | null> {
  const [nodes, calls] = [await traceNodes(client, key), await traceCalls(client, key)];
  if (nodes.length === 0 && calls.length === 0) return null;
  const requestIds = calls.map((c) => c.requestId);
  const signals = await traceSignals(client, key, requestIds);
  const judgments = await traceJudgments(client, key, requestIds);
  return assemble(key.traceId, nodes, calls, signals, judgments);
}

/** Pure assembly of the tree from the trace's rows (exported for its unit test). */
export function assemble(
  traceId: string,
  nodes: NodeRecord[],
  calls: CallRecord[],
  signals: SignalRecord[],
  judgments: JudgmentRecord[],
): TraceTree {
  const bySpan = new Map<string, TraceNode>();
  const starts = new Map<string, bigint>();
  const ends: bigint[] = [];
  const add = (node: TraceNode, time: string) => {
    if (bySpan.has(node.spanId)) return; // a span is a node or a call, never both; first wins
    bySpan.set(node.spanId, node);
    const start = eventTimeToMicros(time);
    starts.set(node.spanId, start);
    ends.push(start + BigInt(Math.round(node.durationMs * 1000)));
  };
  // A signal or judgment belongs to the call it names; one naming no call of the trace belongs to the
  // span it was recorded on.
  const callIds = new Set(calls.map((c) => c.requestId));
  const on = (spanId: string, requestId?: string) => (r: { spanId: string; requestId: string }) =>
    r.requestId === requestId || (r.spanId === spanId && !callIds.has(r.requestId));
  for (const n of nodes) {
    add(
      {
        ...base(n.spanId, n.parentSpanId, n.time),
        type: n.nodeType as TraceNode['type'],
        name: n.name,
        operation: n.operation,
        service: n.service,
        status: n.status === 'error' ? 'error' : 'ok',
        errorMessage: n.errorMessage,
        durationMs: n.durationMs,
        agentName: n.agentName,
        toolName: n.toolName,
        documentCount: n.documentCount,
        documentScores: n.documentScores,
        signals: signals.filter(on(n.spanId)).map(signalOut),
        judgments: judgments.filter(on(n.spanId)).map(judgmentOut),
      },
      n.time,
    );
  }
  for (const c of calls) {
    const own = on(c.spanId, c.requestId);
    add(
      {
        ...base(c.spanId, c.parentSpanId, c.time),
        type: 'llm',
        name: c.model ? `${c.operation} ${c.model}` : c.operation,
        operation: c.operation,
        service: c.service,
        status: c.status === 'error' ? 'error' : 'ok',
        errorMessage: c.errorMessage,
        durationMs: c.latencyMs,
        agentName: '',
        toolName: '',
        documentCount: null,
        documentScores: [],
        interaction: interactionOut(c),
        signals: signals.filter(own).map(signalOut),
        judgments: judgments.filter(own).map(judgmentOut),
      },
      c.time,
    );
  }
  const order = (ids: string[]) => ids.sort((a, b) => Number(starts.get(a)! - starts.get(b)!));
  const roots: string[] = [];
  for (const node of bySpan.values()) {
    const parent = node.parentSpanId ? bySpan.get(node.parentSpanId) : undefined;
    if (parent) parent.children.push(node.spanId);
    else roots.push(node.spanId);
  }
  const ordered: TraceNode[] = [];
  const visit = (id: string, depth: number): string[] => {
    const node = bySpan.get(id)!;
    node.depth = depth;
    ordered.push(node);
    const below = order(node.children).flatMap((child) => visit(child, depth + 1));
    const own = node.interaction ? [node.interaction.requestId] : [];
    node.interactionIds = [...own, ...below];
    return node.interactionIds;
  };
  for (const root of order(roots)) visit(root, 0);
  const first = [...starts.values()].reduce((a, b) => (b < a ? b : a));
  const last = ends.reduce((a, b) => (b > a ? b : a));
  return {
    traceId,
    startTime: eventTimeToIso(microsToEventTime(first)),
    durationMs: Number(last - first) / 1000,
    roots: order(roots),
    nodes: ordered,
  };
}

function base(spanId: string, parentSpanId: string, time: string) {
  return {
    spanId,
    parentSpanId,
    depth: 0,
    children: [] as string[],
    startTime: eventTimeToIso(time),
    interaction: null as TraceInteraction | null,
    interactionIds: [] as string[],
  };
}

/** The call as the tree shows it; its messages were joined by the query (`interactionTextSql`). */
function interactionOut(c: CallRecord): TraceInteraction {
  return {
    requestId: c.requestId,
    provider: c.provider,
    model: c.model,
    operation: c.operation,
    prompt: c.prompt,
    response: c.response,
    inputMessages: c.inputMessages,
    outputMessages: c.outputMessages,
    systemInstructions: c.systemInstructions,
    messagesFrom: c.messagesFrom,
    inputTokens: Number(c.inputTokens),
    outputTokens: Number(c.outputTokens),
    cacheReadInputTokens: Number(c.cacheReadInputTokens),
    cacheWriteInputTokens: Number(c.cacheWriteInputTokens),
    reasoningOutputTokens: Number(c.reasoningOutputTokens),
    stream: c.stream === null ? null : Boolean(c.stream),
    finishReason: c.finishReason,
    timeToFirstChunkMs: c.ttftMs,
  };
}

const signalOut = (s: SignalRecord) => ({
  time: eventTimeToIso(s.time),
  kind: s.kind,
  value: s.value,
  explicit: Boolean(s.explicit),
  source: s.source,
});

const judgmentOut = (j: JudgmentRecord) => ({
  time: eventTimeToIso(j.time),
  metric: j.metric,
  judgeId: j.judgeId,
  score: j.score,
  label: j.label,
  explanation: j.explanation,
  source: j.source,
});
