import { crc32 } from 'node:zlib';
import { SpanKind, type Attributes, type HrTime, type Tracer } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  type IdGenerator,
  type ReadableSpan,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import {
  ATTR_FLYWHEEL_MODEL_VERSION,
  ATTR_FLYWHEEL_QUALITY_SCORE,
  ATTR_FLYWHEEL_REQUEST_ID,
  ATTR_FLYWHEEL_RESPONSE_MEAN_LOGPROB,
  ATTR_FLYWHEEL_RESPONSE_MIN_LOGPROB,
  ATTR_FLYWHEEL_SIGNAL_CORRECTION,
  ATTR_FLYWHEEL_SIGNAL_EXPLICIT,
  ATTR_FLYWHEEL_SIGNAL_KIND,
  ATTR_FLYWHEEL_SIGNAL_VALUE,
  ATTR_FLYWHEEL_USER_ID,
  ATTR_FLYWHEEL_WORKLOAD_ID,
  ATTR_GEN_AI_CONVERSATION_ID,
  ATTR_GEN_AI_EVALUATION_NAME,
  ATTR_GEN_AI_EVALUATION_SCORE_LABEL,
  ATTR_GEN_AI_EVALUATION_SCORE_VALUE,
  ATTR_GEN_AI_INPUT_MESSAGES,
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_OUTPUT_MESSAGES,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_REQUEST_STREAM,
  ATTR_GEN_AI_REQUEST_TEMPERATURE,
  ATTR_GEN_AI_RESPONSE_FINISH_REASONS,
  ATTR_GEN_AI_RESPONSE_ID,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK,
  ATTR_GEN_AI_SYSTEM_INSTRUCTIONS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_SERVICE_NAME,
  GEN_AI_OPERATION_CHAT,
  SPAN_NAME_FLYWHEEL_SIGNAL,
} from '@flywheel/semconv';
import type { SimInteraction, SimSignal } from './internal-types';
import { Rng } from './random';
import { isPositive } from './signals';

/** Keeps every finished span in memory until the simulator exports it. */
class CollectingProcessor implements SpanProcessor {
  spans: ReadableSpan[] = [];
  onStart(): void {}
  onEnd(span: ReadableSpan): void {
    this.spans.push(span);
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** Trace and span ids from the scenario's seed: a re-run sends the same ids, which the collector deduplicates. */
class SeededIdGenerator implements IdGenerator {
  constructor(private readonly rng: Rng) {}
  generateTraceId(): string {
    return this.rng.hex(32);
  }
  generateSpanId(): string {
    return this.rng.hex(16);
  }
}

/**
 * Records interactions and signals as spans with the real OpenTelemetry SDK, one tracer provider per
 * simulated service, with backdated start and end times.
 */
export class SpanRecorder {
  private readonly processor = new CollectingProcessor();
  private readonly tracers = new Map<string, Tracer>();
  private readonly providers: BasicTracerProvider[] = [];
  private readonly ids: SeededIdGenerator;

  /** `salt` (the run's request-id prefix) keeps runs that share a project from sharing span ids. */
  constructor(seed: number, salt: string) {
    this.ids = new SeededIdGenerator(new Rng(seed, salt, 'span-ids'));
  }

  record(interaction: SimInteraction): void {
    const tracer = this.tracer(interaction.service);
    const span = tracer.startSpan(`chat ${interaction.model}`, {
      kind: SpanKind.CLIENT,
      startTime: hrTime(interaction.startMs),
      attributes: interactionAttributes(interaction),
    });
    span.end(hrTime(interaction.startMs + interaction.latencyMs));
    for (const signal of interaction.signals) {
      const s = tracer.startSpan(SPAN_NAME_FLYWHEEL_SIGNAL, {
        kind: SpanKind.INTERNAL,
        startTime: hrTime(signal.timeMs),
        attributes: signalAttributes(interaction, signal),
      });
      s.end(hrTime(signal.timeMs));
    }
  }

  /** The spans recorded since the last call. */
  take(): ReadableSpan[] {
    const spans = this.processor.spans;
    this.processor.spans = [];
    return spans;
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.providers.map((p) => p.shutdown()));
  }

  private tracer(service: string): Tracer {
    let tracer = this.tracers.get(service);
    if (!tracer) {
      const provider = new BasicTracerProvider({
        resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
        spanProcessors: [this.processor],
        idGenerator: this.ids,
      });
      this.providers.push(provider);
      tracer = provider.getTracer('flywheel-simulator');
      this.tracers.set(service, tracer);
    }
    return tracer;
  }
}

// Epoch milliseconds as an HrTime: a plain number below the process's time origin would be read as
// a performance.now() offset by the SDK, and every backdated time is below it.
function hrTime(ms: number): HrTime {
  const seconds = Math.floor(ms / 1000);
  return [seconds, Math.round((ms - seconds * 1000) * 1_000_000)];
}

function interactionAttributes(i: SimInteraction): Attributes {
  const system = i.messages.find((m) => m.role === 'system');
  const conversation = i.messages
    .filter((m) => m.role !== 'system')
    .map((m) => ({ role: m.role, parts: [{ type: 'text', content: m.content }] }));
  const attributes: Attributes = {
    [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_CHAT,
    [ATTR_GEN_AI_PROVIDER_NAME]: i.provider,
    [ATTR_GEN_AI_REQUEST_MODEL]: i.model,
    [ATTR_GEN_AI_RESPONSE_MODEL]: i.model,
    [ATTR_GEN_AI_RESPONSE_ID]: `chatcmpl-${i.requestId}`,
    [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: i.inputTokens,
    [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: i.outputTokens,
    [ATTR_GEN_AI_RESPONSE_FINISH_REASONS]: ['stop'],
    [ATTR_GEN_AI_CONVERSATION_ID]: i.sessionId,
    [ATTR_GEN_AI_REQUEST_STREAM]: true,
    [ATTR_GEN_AI_REQUEST_TEMPERATURE]: 0.2,
    [ATTR_GEN_AI_RESPONSE_TIME_TO_FIRST_CHUNK]: i.ttftMs / 1000,
    [ATTR_GEN_AI_INPUT_MESSAGES]: JSON.stringify(conversation),
    [ATTR_GEN_AI_OUTPUT_MESSAGES]: JSON.stringify([
      { role: 'assistant', parts: [{ type: 'text', content: i.response }], finish_reason: 'stop' },
    ]),
    [ATTR_FLYWHEEL_WORKLOAD_ID]: i.workloadId,
    [ATTR_FLYWHEEL_REQUEST_ID]: i.requestId,
    [ATTR_FLYWHEEL_MODEL_VERSION]: i.version,
    [ATTR_FLYWHEEL_USER_ID]: i.userId,
  };
  if (system)
    attributes[ATTR_GEN_AI_SYSTEM_INSTRUCTIONS] = JSON.stringify([{ type: 'text', content: system.content }]);
  if (i.qualityScore !== null) attributes[ATTR_FLYWHEEL_QUALITY_SCORE] = i.qualityScore;
  Object.assign(attributes, tokenLogprobs(i));
  return attributes;
}

/**
 * A third of the calls ask the provider for token logprobs (chosen by CRC-32 of the request id, so
 * the seeded draws of the rest of the run stay as they were). A wrong answer is less certain: its mean
 * token logprob falls in [−2.5, −0.8), a right one's in [−0.65, −0.05).
 */
function tokenLogprobs(i: SimInteraction): Attributes {
  const hash = crc32(Buffer.from(i.requestId, 'utf8'));
  if (hash % 3 !== 0) return {};
  const u = (hash >>> 8) / 2 ** 24;
  const mean = i.correct ? -(0.05 + 0.6 * u) : -(0.8 + 1.7 * u);
  return {
    [ATTR_FLYWHEEL_RESPONSE_MEAN_LOGPROB]: mean,
    [ATTR_FLYWHEEL_RESPONSE_MIN_LOGPROB]: mean * (3 + 4 * u),
  };
}

/** The wire format of `@flywheel/instrumentation`'s signal spans (docs/design.md §3), evaluation attributes included. */
function signalAttributes(i: SimInteraction, signal: SimSignal): Attributes {
  const positive = isPositive(signal);
  const attributes: Attributes = {
    [ATTR_FLYWHEEL_REQUEST_ID]: i.requestId,
    [ATTR_FLYWHEEL_SIGNAL_KIND]: signal.kind,
    [ATTR_FLYWHEEL_SIGNAL_EXPLICIT]: signal.explicit,
    [ATTR_FLYWHEEL_USER_ID]: i.userId,
    [ATTR_GEN_AI_EVALUATION_NAME]: `flywheel.${signal.kind}`,
    [ATTR_GEN_AI_EVALUATION_SCORE_VALUE]: signal.value ?? (positive ? 1 : 0),
    [ATTR_GEN_AI_EVALUATION_SCORE_LABEL]: positive ? 'positive' : 'negative',
  };
  if (signal.value !== undefined) attributes[ATTR_FLYWHEEL_SIGNAL_VALUE] = signal.value;
  if (signal.correction !== undefined) attributes[ATTR_FLYWHEEL_SIGNAL_CORRECTION] = signal.correction;
  return attributes;
}
