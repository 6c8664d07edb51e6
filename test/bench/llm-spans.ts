import type { Tracer } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { recordSpans } from '../support/otel';

/** A deterministic generator of LLM-typical text: ordinary words, so it compresses like real prompts. */
export function textGenerator(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const words = (
    'the a to of and in is for on that with as you it be this are your can by or from at have an not will ' +
    'customer order account password reset invoice shipping refund policy model answer question support ' +
    'please thanks issue error update settings security billing plan team data export report summary'
  ).split(' ');
  return (chars: number) => {
    const out: string[] = [];
    let length = 0;
    while (length < chars) {
      const word = words[Math.floor(next() * words.length)]!;
      out.push(word);
      length += word.length + 1;
    }
    return out.join(' ').slice(0, chars);
  };
}

/**
 * One LLM call span of about 3.5 KB of prompt and response text and about 20 attributes, as an app
 * instrumented with the current GenAI conventions and Flywheel's attributes would emit it.
 */
export function emitLlmSpan(
  tracer: Tracer,
  text: (chars: number) => string,
  i: number,
  startMs: number,
): void {
  const prompt = text(1500);
  const response = text(2000);
  tracer
    .startSpan('chat gpt-4o', {
      startTime: startMs,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.response.model': 'gpt-4o-2024-08-06',
        'gen_ai.response.id': `chatcmpl-bench-${i}`,
        'gen_ai.usage.input_tokens': 380,
        'gen_ai.usage.output_tokens': 510,
        'gen_ai.response.finish_reasons': ['stop'],
        'gen_ai.conversation.id': `conv-${i % 997}`,
        'gen_ai.request.temperature': 0.2,
        'gen_ai.request.max_tokens': 1024,
        'gen_ai.input.messages': JSON.stringify([
          { role: 'user', parts: [{ type: 'text', content: prompt }] },
        ]),
        'gen_ai.output.messages': JSON.stringify([
          { role: 'assistant', parts: [{ type: 'text', content: response }], finish_reason: 'stop' },
        ]),
        'server.address': 'api.openai.com',
        'server.port': 443,
        'flywheel.workload_id': ['support', 'search', 'summarize'][i % 3]!,
        'flywheel.request_id': `bench-${i}`,
        'flywheel.model_version': 'ft-2026-11-01',
        'flywheel.user_id': `u_${(i * 7919) % 5000}`,
        'flywheel.quality_score': (i % 100) / 100,
      },
    })
    .end(startMs + 800 + (i % 400));
}

/** A small LLM call span (under 1 KB): the same conventions without prompt or response text. */
export function emitSmallSpan(tracer: Tracer, i: number, startMs: number): void {
  tracer
    .startSpan('chat gpt-4o-mini', {
      startTime: startMs,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4o-mini',
        'gen_ai.response.id': `chatcmpl-small-${i}`,
        'gen_ai.usage.input_tokens': 42,
        'gen_ai.usage.output_tokens': 17,
        'gen_ai.response.finish_reasons': ['stop'],
        'flywheel.workload_id': ['support', 'search', 'summarize'][i % 3]!,
        'flywheel.request_id': `small-${i}`,
        'flywheel.user_id': `u_${(i * 7919) % 5000}`,
      },
    })
    .end(startMs + 300 + (i % 200));
}

/** `count` OTLP/protobuf request bodies of `batch` spans each; `emit` records span `i` of them all. */
export async function otlpBodies(
  count: number,
  batch: number,
  emit: (tracer: Tracer, i: number) => void,
): Promise<Uint8Array[]> {
  const bodies: Uint8Array[] = [];
  for (let r = 0; r < count; r++) {
    const spans = await recordSpans('bench-app', (tracer) => {
      for (let i = 0; i < batch; i++) emit(tracer, r * batch + i);
    });
    bodies.push(ProtobufTraceSerializer.serializeRequest(spans)!);
  }
  return bodies;
}
