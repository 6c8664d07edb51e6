import { describe, expect, it } from 'vitest';
import type { DecodedLogRecord } from '../otlp/log-record';
import { normalizeLogs } from './logs';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const SPAN = 'b7ad6b7169203331';
const NOW = BigInt(Date.parse('2026-11-02T12:00:00Z')) * 1_000_000n;
const AT = NOW - 3_600_000_000_000n;

let index = 0;
function record(
  eventName: string,
  attributes: DecodedLogRecord['attributes'],
  extra: Partial<DecodedLogRecord> = {},
) {
  return {
    traceId: TRACE,
    spanId: SPAN,
    timeNs: AT,
    eventName,
    body: null,
    attributes,
    index: index++,
    ...extra,
  };
}
const run = (...records: DecodedLogRecord[]) =>
  normalizeLogs([{ resource: { 'service.name': 'judge-svc' }, records }], 'p1', NOW);

describe('normalizing /v1/logs records', () => {
  it('turns a verdict into a judgment and user feedback into a signal, both on the parent span', () => {
    const out = run(
      record('gen_ai.evaluation.result', {
        'gen_ai.evaluation.name': 'faithfulness',
        'gen_ai.evaluation.score.value': 0.3,
        'gen_ai.evaluation.explanation': 'Mail jane@example.com for the source.',
      }),
      record('gen_ai.evaluation.result', {
        'gen_ai.evaluation.name': 'thumbs',
        'gen_ai.evaluation.score.label': 'down',
      }),
      record('gen_ai.evaluation.result', { 'gen_ai.evaluation.name': 'x', 'gen_ai.response.id': 'resp-1' }),
    );
    expect(out.judgments[0]).toMatchObject({
      request_id: SPAN,
      metric: 'faithfulness',
      score: 0.3,
      judge_id: 'judge-svc',
      trace_id: TRACE,
      source: 'evaluation_log',
    });
    expect(out.judgments[0]!.explanation).not.toContain('jane@example.com');
    expect(out.judgments[1]).toMatchObject({ request_id: 'resp-1', metric: 'x' });
    expect(out.signals).toEqual([expect.objectContaining({ kind: 'thumbs_down', request_id: SPAN })]);
  });

  it('reads operation details and the older per-message events as messages of the span', () => {
    const out = run(
      record('gen_ai.client.inference.operation.details', {
        'gen_ai.input.messages': [
          { role: 'user', parts: [{ type: 'text', content: 'Call 555-0100 please' }] },
        ],
        'gen_ai.output.messages': JSON.stringify([
          { role: 'assistant', parts: [{ type: 'text', content: 'OK' }] },
        ]),
      }),
      record('gen_ai.user.message', {}, { body: { content: 'hello' } }),
      record(
        'gen_ai.choice',
        {},
        { body: { index: 0, finish_reason: 'stop', message: { content: 'hi there' } } },
      ),
    );
    expect(out.messages.map((m) => [m.event_name, m.input_messages, m.output_messages])).toEqual([
      [
        'gen_ai.client.inference.operation.details',
        expect.stringContaining('"role":"user"'),
        JSON.stringify([{ role: 'assistant', content: 'OK' }]),
      ],
      ['gen_ai.user.message', JSON.stringify([{ role: 'user', content: 'hello' }]), ''],
      ['gen_ai.choice', '', JSON.stringify([{ role: 'assistant', content: 'hi there' }])],
    ]);
    expect(out.messages.every((m) => m.trace_id === TRACE && m.span_id === SPAN)).toBe(true);
  });

  it('reads flywheel.signal events, skips ordinary logs and rejects what cannot be stored, naming why', () => {
    const out = run(
      record('flywheel.signal', { 'flywheel.request_id': 'r1', 'flywheel.signal.kind': 'copied' }),
      record(
        'flywheel.signal',
        { 'flywheel.request_id': 'r1', 'flywheel.signal.kind': 'copied' },
        { spanId: '' },
      ),
      record('', { 'http.route': '/x' }),
      record('flywheel.signal', { 'flywheel.signal.kind': 'copied' }),
      record('gen_ai.user.message', {}, { spanId: '' }),
      record('gen_ai.evaluation.result', { 'gen_ai.evaluation.name': 'x' }, { spanId: '' }),
      record(
        'flywheel.signal',
        { 'flywheel.request_id': 'r1', 'flywheel.signal.kind': 'copied' },
        { timeNs: NOW * 2n },
      ),
    );
    expect(out.signals).toHaveLength(2);
    expect(new Set(out.signals.map((s) => s.signal_id)).size).toBe(2);
    expect(out.skipped).toBe(1);
    expect(out.rejected).toBe(4);
    expect(out.errors.join('\n')).toMatch(/flywheel\.request_id is missing/);
    expect(out.errors.join('\n')).toMatch(/joined to its call by trace and span id/);
    expect(out.errors.join('\n')).toMatch(/names no request/);
    expect(out.errors.join('\n')).toMatch(/timeUnixNano .* is after 2299-12-31|ahead of the server/);
  });
});
