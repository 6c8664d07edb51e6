import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** A global tracer provider writing to memory, registered once per test process. */
let exporter: InMemorySpanExporter | undefined;

export function memoryTracing(): InMemorySpanExporter {
  if (exporter === undefined) {
    exporter = new InMemorySpanExporter();
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    provider.register();
  }
  return exporter;
}

export function spansNamed(memory: InMemorySpanExporter, name: string): ReadableSpan[] {
  return memory.getFinishedSpans().filter((span) => span.name === name);
}

/** Waits until `predicate` holds (spans end asynchronously after a response is parsed). */
export async function eventually(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
