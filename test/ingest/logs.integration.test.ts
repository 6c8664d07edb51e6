import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpanKind, context, trace, type SpanContext } from '@opentelemetry/api';
import type { TraceTree } from '@flywheel/api';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { expectSuccess, exportSpans, recordSpans, type Encoding } from '../support/otel';
import { exportLogs, recordLogs } from '../support/otel-logs';

let fw: TestFlywheel;
beforeAll(async () => {
  fw = await startTestFlywheel();
});
afterAll(() => fw.dispose());

const BASE = Date.parse('2026-11-02T09:00:00Z');

async function getTrace(traceId: string): Promise<{ status: number; body: TraceTree }> {
  const res = await fetch(`${fw.apiUrl}/api/v1/traces/${traceId}`);
  return { status: res.status, body: (await res.json()) as TraceTree };
}

/** An LLM call whose messages are not on the span: they come as an operation-details event. */
async function contentlessCall(service: string, start: number) {
  let spanContext: SpanContext | undefined;
  const spans = await recordSpans(service, (tracer) => {
    const span = tracer.startSpan('chat gpt-5', {
      startTime: start,
      kind: SpanKind.CLIENT,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-5',
        'gen_ai.usage.input_tokens': 120,
        'gen_ai.usage.output_tokens': 40,
        'gen_ai.usage.cache_read.input_tokens': 100,
        'gen_ai.usage.cache_creation.input_tokens': 20,
        'gen_ai.usage.reasoning.output_tokens': 12,
        'gen_ai.request.stream': true,
        'gen_ai.response.time_to_first_chunk': 0.25,
        'gen_ai.response.finish_reasons': ['stop'],
      },
    });
    spanContext = span.spanContext();
    span.end(start + 900);
  });
  return { spans, spanContext: spanContext! };
}

/** The events an app using the logs SDK emits for that call, in the call's span context. */
async function callEvents(service: string, spanContext: SpanContext, start: number) {
  const inSpan = trace.setSpanContext(context.active(), spanContext);
  return recordLogs(service, (logger) => {
    logger.emit({
      eventName: 'gen_ai.client.inference.operation.details',
      timestamp: start + 900,
      context: inSpan,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.system_instructions': JSON.stringify([{ type: 'text', content: 'You are terse.' }]),
        'gen_ai.input.messages': JSON.stringify([
          { role: 'user', parts: [{ type: 'text', content: 'What is the capital of France?' }] },
        ]),
        'gen_ai.output.messages': JSON.stringify([
          { role: 'assistant', parts: [{ type: 'text', content: 'Paris.' }], finish_reason: 'stop' },
        ]),
      },
    });
    logger.emit({
      eventName: 'gen_ai.evaluation.result',
      timestamp: start + 5_000,
      context: inSpan,
      attributes: {
        'gen_ai.evaluation.name': 'relevance',
        'gen_ai.evaluation.score.value': 0.9,
        'gen_ai.evaluation.score.label': 'relevant',
        'gen_ai.evaluation.explanation': 'Answers the question asked.',
      },
    });
    logger.emit({
      eventName: 'gen_ai.evaluation.result',
      timestamp: start + 6_000,
      context: inSpan,
      attributes: { 'gen_ai.evaluation.name': 'user_feedback', 'gen_ai.evaluation.score.label': 'thumbs_up' },
    });
  });
}

describe.each<[Encoding, 'span first' | 'events first']>([
  ['protobuf', 'events first'],
  ['json', 'span first'],
])('OTLP logs (%s) through the real exporters, %s', (encoding, order) => {
  it('joins the evaluation and the operation details to the interaction', async () => {
    const service = `logs-${encoding}`;
    const start = BASE + (encoding === 'json' ? 60_000 : 0);
    const call = await contentlessCall(service, start);
    const events = await callEvents(service, call.spanContext, start);
    if (order === 'events first') {
      expectSuccess(await exportLogs(encoding, fw.otlpUrl, events, { gzip: true }));
      expectSuccess(await exportSpans(encoding, fw.otlpUrl, call.spans));
    } else {
      expectSuccess(await exportSpans(encoding, fw.otlpUrl, call.spans));
      expectSuccess(await exportLogs(encoding, fw.otlpUrl, events));
    }
    const { status, body } = await getTrace(call.spanContext.traceId);
    expect(status).toBe(200);
    expect(body.nodes).toHaveLength(1);
    const node = body.nodes[0]!;
    expect(node).toMatchObject({ type: 'llm', spanId: call.spanContext.spanId, depth: 0 });
    expect(node.interaction).toMatchObject({
      messagesFrom: 'events',
      prompt: 'What is the capital of France?',
      response: 'Paris.',
      systemInstructions: 'You are terse.',
      inputMessages: [{ role: 'user', content: 'What is the capital of France?' }],
      outputMessages: [{ role: 'assistant', content: 'Paris.' }],
      inputTokens: 120,
      cacheReadInputTokens: 100,
      cacheWriteInputTokens: 20,
      reasoningOutputTokens: 12,
      stream: true,
      finishReason: 'stop',
      timeToFirstChunkMs: 250,
    });
    expect(node.judgments).toEqual([
      expect.objectContaining({
        metric: 'relevance',
        score: 0.9,
        label: 'relevant',
        explanation: 'Answers the question asked.',
        judgeId: service,
        source: 'evaluation_log',
      }),
    ]);
    expect(node.signals).toEqual([expect.objectContaining({ kind: 'thumbs_up', source: 'evaluation_log' })]);
  });
});

describe('an agent run', () => {
  it('comes back from /api/v1/traces/{id} as its tree', async () => {
    const start = BASE + 120_000;
    let traceId = '';
    const spans = await recordSpans('agent-app', (tracer) => {
      const agent = tracer.startSpan('invoke_agent planner', {
        startTime: start,
        kind: SpanKind.INTERNAL,
        attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'planner' },
      });
      traceId = agent.spanContext().traceId;
      const inAgent = trace.setSpan(context.active(), agent);
      const tool = tracer.startSpan(
        'execute_tool search_orders',
        {
          startTime: start + 10,
          attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'search_orders' },
        },
        inAgent,
      );
      const llm = tracer.startSpan(
        'chat gpt-5',
        {
          startTime: start + 20,
          kind: SpanKind.CLIENT,
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': 'openai',
            'gen_ai.request.model': 'gpt-5',
            'gen_ai.response.id': 'agent-run-call-1',
            'gen_ai.input.messages': JSON.stringify([{ role: 'user', content: 'Where is order 42?' }]),
            'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', content: 'It shipped.' }]),
          },
        },
        trace.setSpan(context.active(), tool),
      );
      const retrieval = tracer.startSpan(
        'retrieval orders-index',
        {
          startTime: start + 30,
          attributes: {
            'gen_ai.operation.name': 'retrieval',
            'gen_ai.data_source.id': 'orders-index',
            'gen_ai.retrieval.documents': JSON.stringify([
              { id: 'a', score: 0.92 },
              { id: 'b', score: 0.41 },
            ]),
          },
        },
        trace.setSpan(context.active(), llm),
      );
      const remote = tracer.startSpan(
        'invoke_agent billing',
        {
          startTime: start + 500,
          kind: SpanKind.CLIENT,
          attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'billing' },
        },
        inAgent,
      );
      retrieval.end(start + 60);
      llm.end(start + 400);
      tool.end(start + 450);
      remote.end(start + 700);
      agent.end(start + 800);
    });
    expectSuccess(await exportSpans('protobuf', fw.otlpUrl, spans));
    const { status, body } = await getTrace(traceId);
    expect(status).toBe(200);
    const shape = body.nodes.map((n) => [n.depth, n.type, n.name]);
    expect(shape).toEqual([
      [0, 'agent', 'planner'],
      [1, 'tool', 'search_orders'],
      [2, 'llm', 'chat gpt-5'],
      [3, 'retrieval', 'retrieval orders-index'],
      [1, 'agent', 'billing'],
    ]);
    expect(body.roots).toEqual([body.nodes[0]!.spanId]);
    expect(body.durationMs).toBe(800);
    expect(body.nodes[0]!.interactionIds).toEqual(['agent-run-call-1']);
    expect(body.nodes[2]!.interaction).toMatchObject({ response: 'It shipped.', messagesFrom: 'span' });
    expect(body.nodes[3]).toMatchObject({ documentCount: 2, documentScores: [0.92, 0.41] });
    expect(body.nodes[1]).toMatchObject({ toolName: 'search_orders', durationMs: 440, status: 'ok' });
  });

  it('answers 400 for a malformed id and 404 for an unknown trace', async () => {
    expect((await getTrace('not-a-trace')).status).toBe(400);
    expect((await getTrace('0123456789abcdef0123456789abcdef')).status).toBe(404);
  });
});
