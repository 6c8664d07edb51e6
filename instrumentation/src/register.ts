import { diag } from '@opentelemetry/api';
import type { TracerProvider } from '@opentelemetry/api';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { readBooleanEnv, readEnv } from './config/env';
import { configureFlywheel } from './config/settings';
import type { FlywheelInstrumentationBase } from './core/base-instrumentation';
import { addSpanProcessor, registeredTracerProvider } from './setup/global-provider';
import { sharedAnthropicInstrumentation, sharedOpenAIInstrumentation } from './setup/instances';
import { loadEsm, loadEsmSync } from './setup/load-module';
import { LlmSpanFilterProcessor } from './setup/llm-span-filter';
import { createExporter, resolveExporterSettings } from './setup/otlp';
import type { FlywheelHandle, RegisterFlywheelOptions } from './types';

type ExportOptions = Pick<RegisterFlywheelOptions, 'endpoint' | 'apiKey' | 'protocol' | 'headers'>;

let current: FlywheelHandle | undefined;

/**
 * A span processor that exports to Flywheel only the spans it reads (LLM calls and signals), for
 * apps that build their own tracer provider: add it to that provider's `spanProcessors`.
 */
export function createFlywheelSpanProcessor(options: ExportOptions = {}): SpanProcessor {
  return new LlmSpanFilterProcessor(new BatchSpanProcessor(createExporter(resolveExporterSettings(options))));
}

/**
 * Sets up tracing to Flywheel in one call. With no OTel SDK running it starts one (NodeSDK, an OTLP
 * exporter to the collector, the OpenAI and Anthropic instrumentations). With an SDK already
 * registered it only adds the instrumentations and, when it can, a processor exporting the LLM and
 * signal spans to Flywheel. A second call returns the first handle.
 */
export function registerFlywheel(options: RegisterFlywheelOptions = {}): FlywheelHandle {
  if (current !== undefined) {
    diag.warn('@flywheel/instrumentation: registerFlywheel was already called; returning the first handle');
    return current;
  }
  configureFlywheel({
    ...(options.captureContent !== undefined ? { captureContent: options.captureContent } : {}),
    ...(options.userIdSalt !== undefined ? { userIdSalt: options.userIdSalt } : {}),
  });
  if (readBooleanEnv('OTEL_SDK_DISABLED') === true) {
    current = {
      mode: 'disabled',
      ready: Promise.resolve(),
      forceFlush: async () => {},
      shutdown: async () => {},
    };
    return current;
  }

  const openai = sharedOpenAIInstrumentation();
  const anthropic = sharedAnthropicInstrumentation();
  const instrumentations: Instrumentation[] = [openai, anthropic, ...(options.instrumentations ?? [])];
  const existing = registeredTracerProvider();
  const base =
    existing === undefined
      ? startSdk(options, instrumentations)
      : attach(existing, options, instrumentations);
  // After an earlier shutdown the shared instrumentations are disabled; registering does not re-enable them.
  openai.enable();
  anthropic.enable();

  if (options.instrumentModules?.openai !== undefined) openai.patchModule(options.instrumentModules.openai);
  if (options.instrumentModules?.anthropic !== undefined)
    anthropic.patchModule(options.instrumentModules.anthropic);
  const ready =
    options.autoImport === false
      ? Promise.resolve()
      : Promise.all([patchInstalled('openai', openai), patchInstalled('@anthropic-ai/sdk', anthropic)]).then(
          () => undefined,
        );

  const handle: FlywheelHandle = {
    mode: base.mode,
    ready,
    forceFlush: base.forceFlush,
    shutdown: async () => {
      if (current === handle) current = undefined;
      await base.shutdown();
    },
  };
  current = handle;
  return handle;
}

type BaseHandle = Omit<FlywheelHandle, 'ready'>;

function startSdk(options: RegisterFlywheelOptions, instrumentations: Instrumentation[]): BaseHandle {
  const processor = new BatchSpanProcessor(createExporter(resolveExporterSettings(options)));
  const sdk = new NodeSDK({
    ...(options.serviceName !== undefined ? { serviceName: options.serviceName } : {}),
    ...(options.resourceAttributes !== undefined
      ? { resource: defaultResource().merge(resourceFromAttributes(options.resourceAttributes)) }
      : {}),
    spanProcessors: [processor],
    instrumentations,
    // Flywheel reads traces only; metrics and logs stay off unless the app asks for them by env.
    ...(readEnv('OTEL_METRICS_EXPORTER') === undefined ? { metricReaders: [] } : {}),
    ...(readEnv('OTEL_LOGS_EXPORTER') === undefined ? { logRecordProcessors: [] } : {}),
  });
  sdk.start();
  return {
    mode: 'sdk',
    forceFlush: () => processor.forceFlush(),
    shutdown: async () => {
      for (const instrumentation of instrumentations) instrumentation.disable();
      await sdk.shutdown();
    },
  };
}

function attach(
  provider: TracerProvider,
  options: RegisterFlywheelOptions,
  instrumentations: Instrumentation[],
): BaseHandle {
  registerInstrumentations({ instrumentations });
  const processor =
    options.attachToExistingProvider === false ? undefined : createFlywheelSpanProcessor(options);
  const attached = processor !== undefined && addSpanProcessor(provider, processor);
  if (processor !== undefined && !attached) {
    diag.warn(
      '@flywheel/instrumentation: could not add an exporter to the running OTel SDK; add createFlywheelSpanProcessor() to its spanProcessors',
    );
  }
  const flushProvider = (provider as { forceFlush?: () => Promise<void> }).forceFlush?.bind(provider);
  return {
    mode: 'attached',
    forceFlush: async () => {
      if (attached) await processor.forceFlush();
      else if (flushProvider !== undefined) await flushProvider();
    },
    shutdown: async () => {
      for (const instrumentation of instrumentations) instrumentation.disable();
      if (attached) await processor.shutdown();
    },
  };
}

/**
 * ES module apps import the SDKs before this code runs, and the module hooks only see later loads.
 * Loading the package here yields the same (cached) module the app holds, whose classes are then
 * patched: synchronously where the runtime can `require()` an ES module, so the very next call is
 * traced; otherwise through `import()`, which settles after the current tick (`handle.ready`).
 */
function patchInstalled(specifier: string, instrumentation: FlywheelInstrumentationBase): Promise<void> {
  const loaded = loadEsmSync(specifier);
  if (loaded !== undefined && instrumentation.patchModule(loaded)) return Promise.resolve();
  return loadEsm(specifier).then((moduleExports) => {
    if (moduleExports !== undefined) instrumentation.patchModule(moduleExports);
  });
}
