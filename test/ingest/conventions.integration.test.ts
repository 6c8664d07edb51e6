import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpanKind, context, trace, type SpanContext } from '@opentelemetry/api';
import type { TraceTree } from '@flywheel/api';
import { CONVENTION_FIXTURES } from '@flywheel/collector/fixtures';
import { startTestFlywheel, type TestFlywheel } from '@flywheel/server/testing';
import { expectSuccess, exportSpans, recordSpans, type Encoding } from '../support/otel';
import { exportLogs, recordLogs } from '../support/otel-logs';

// One fixture per form of the conventions, sent through the real OpenTelemetry exporters: the newest
// usage details beside the older spellings, span-borne evaluations, step spans, per-message events.

let fw: TestFlywheel;
beforeAll(async () => {
  fw = await startTestFlywheel();
});
afterAll(() => fw.dispose());

const BASE = Date.parse('2026-11-03T08:00:00Z');

async function rows<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
  const result = await fw.storage.client.query({ query, query_params: params, format: 'JSONEachRow' });
  return result.json<T>();
}

describe.each<Encoding>(['protobuf', 'json'])('conventions through the %s exporter', (encoding) => {
  it('stores cache read/write, reasoning tokens and streaming from every spelling', async () => {
    const spans = await Promise.all(
      CONVENTION_FIXTURES.map((fixture, i) =>
        recordSpans(fixture.service, (tracer) => {
          const start = BASE + i * 60_000;
          tracer
            .startSpan(fixture.spanName, {
              startTime: start,
              attributes: {
                ...fixture.attributes,
                'flywheel.request_id': `${encoding}:${fixture.convention}`,
              },
            })
            .end(start + 1_000);
        }),
      ),
    );
    expectSuccess(await exportSpans(encoding, fw.otlpUrl, spans.flat()));
    for (const fixture of CONVENTION_FIXTURES) {
      const [row] = await rows<Record<string, unknown>>(
        `SELECT cache_read_input_tokens, cache_write_input_tokens, reasoning_output_tokens, stream, finish_reason
         FROM interactions FINAL WHERE request_id = {id:String}`,
        { id: `${encoding}:${fixture.convention}` },
      );
      const e = fixture.expected;
      expect(row, fixture.convention).toEqual({
        cache_read_input_tokens: e.cache_read_input_tokens ?? 0,
        cache_write_input_tokens: e.cache_write_input_tokens ?? 0,
        reasoning_output_tokens: e.reasoning_output_tokens ?? 0,
        stream: e.stream === undefined ? row!.stream : e.stream,
        finish_reason: e.finish_reason,
      });
    }
  });
});

describe('span-borne evaluations, steps and per-message events', () => {
  it('keeps verdicts as judgments and step spans as nodes, and joins per-message events', async () => {
    let call: SpanContext | undefined;
    const spans = await recordSpans('oi-app', (tracer) => {
      const agent = tracer.startSpan('remote agent', {
        startTime: BASE,
        kind: SpanKind.CLIENT,
        attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'remote-billing' },
      });
      const inAgent = trace.setSpan(context.active(), agent);
      tracer
        .startSpan(
          'search_memory',
          { startTime: BASE + 5, attributes: { 'gen_ai.operation.name': 'search_memory' } },
          inAgent,
        )
        .end(BASE + 9);
      const llm = tracer.startSpan(
        'ChatCompletion',
        {
          startTime: BASE + 10,
          attributes: {
            'openinference.span.kind': 'LLM',
            'llm.model_name': 'gpt-4o',
            'annotations.0.annotation.name': 'hallucination',
            'annotations.0.annotation.label': 'factual',
            'annotations.0.annotation.score': 0.1,
            'evaluations.0.evaluation.name': 'thumbs',
            'evaluations.0.evaluation.label': 'up',
          },
        },
        inAgent,
      );
      llm.addEvent(
        'gen_ai.evaluation.result',
        { 'gen_ai.evaluation.name': 'relevance', 'gen_ai.evaluation.score.value': 0.8 },
        BASE + 20,
      );
      call = llm.spanContext();
      llm.end(BASE + 30);
      agent.end(BASE + 40);
    });
    expectSuccess(await exportSpans('json', fw.otlpUrl, spans));
    const inCall = trace.setSpanContext(context.active(), call!);
    const events = await recordLogs('oi-app', (logger) => {
      logger.emit({
        eventName: 'gen_ai.system.message',
        timestamp: BASE + 10,
        context: inCall,
        body: { content: 'Be kind.' },
      });
      logger.emit({
        eventName: 'gen_ai.user.message',
        timestamp: BASE + 10,
        context: inCall,
        body: { content: 'Hi?' },
      });
      logger.emit({
        eventName: 'gen_ai.choice',
        timestamp: BASE + 30,
        context: inCall,
        body: { index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Hello!' } },
      });
    });
    expectSuccess(await exportLogs('json', fw.otlpUrl, events));

    const res = await fetch(`${fw.apiUrl}/api/v1/traces/${call!.traceId}`);
    const tree = (await res.json()) as TraceTree;
    expect(tree.nodes.map((n) => [n.depth, n.type, n.name])).toEqual([
      [0, 'agent', 'remote-billing'],
      [1, 'memory', 'search_memory'],
      [1, 'llm', 'chat gpt-4o'],
    ]);
    const llm = tree.nodes[2]!;
    expect(llm.interaction).toMatchObject({
      messagesFrom: 'events',
      inputMessages: [
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: 'Hi?' },
      ],
      outputMessages: [{ role: 'assistant', content: 'Hello!' }],
    });
    expect(llm.judgments.map((j) => [j.metric, j.source, j.score, j.label]).sort()).toEqual([
      ['hallucination', 'annotation', 0.1, 'factual'],
      ['relevance', 'evaluation_event', 0.8, ''],
    ]);
    expect(llm.signals.map((s) => s.kind)).toEqual(['thumbs_up']);
    const [node] = await rows<{ attributes: Record<string, string> }>(
      `SELECT attributes FROM pipeline_nodes FINAL WHERE trace_id = {t:String} AND node_type = 'agent'`,
      { t: call!.traceId },
    );
    expect(node!.attributes['span.kind']).toBe('client');
  });
});
