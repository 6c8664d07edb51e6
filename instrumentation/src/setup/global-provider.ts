import { ProxyTracerProvider, trace } from '@opentelemetry/api';
import type { TracerProvider } from '@opentelemetry/api';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** The provider behind the global proxy, or undefined while none is registered. */
export function registeredTracerProvider(): TracerProvider | undefined {
  const global = trace.getTracerProvider();
  const delegate =
    typeof (global as Partial<ProxyTracerProvider>).getDelegate === 'function'
      ? (global as ProxyTracerProvider).getDelegate()
      : global;
  const noop = new ProxyTracerProvider().getDelegate();
  if (delegate === noop || delegate.constructor.name === 'NoopTracerProvider') return undefined;
  return delegate;
}

interface ProcessorHost {
  addSpanProcessor?: (processor: SpanProcessor) => void;
  _activeSpanProcessor?: { _spanProcessors?: SpanProcessor[] };
}

/**
 * Adds a span processor to a provider the app built. SDK 1.x has `addSpanProcessor`; 2.x removed
 * it and only takes processors in the constructor, but its tracers share the provider's processor
 * list, so appending to that list reaches spans started from now on. Returns false when neither
 * shape is there; the app can then pass `createFlywheelSpanProcessor()` to its own set-up.
 */
export function addSpanProcessor(provider: TracerProvider, processor: SpanProcessor): boolean {
  const host = provider as ProcessorHost;
  if (typeof host.addSpanProcessor === 'function') {
    host.addSpanProcessor(processor);
    return true;
  }
  const list = host._activeSpanProcessor?._spanProcessors;
  if (Array.isArray(list)) {
    list.push(processor);
    return true;
  }
  return false;
}
