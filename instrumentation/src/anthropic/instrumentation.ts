import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { FlywheelInstrumentationBase, prototypeOf } from '../core/base-instrumentation';
import type { PatchTarget } from '../core/base-instrumentation';
import { instrumentMethod, PARENT_CONTEXT_KEY } from '../core/instrumented-method';
import type { FlywheelInstrumentationConfig } from '../types';
import { PACKAGE_NAME } from '../version';
import { hasBuiltInTracing, messagesAdapter } from './messages';

type Loose = Record<string, unknown> | undefined;
type Method = (this: unknown, ...args: unknown[]) => unknown;

/** Finds the `Anthropic` class in a module namespace, a default export or CommonJS exports. */
function anthropicClass(moduleExports: unknown): Loose {
  const m = moduleExports as Loose;
  const candidates = [
    m,
    m?.default as Loose,
    m?.Anthropic as Loose,
    (m?.default as Loose)?.Anthropic as Loose,
  ];
  return candidates.find((c) => typeof c?.Messages === 'function');
}

/**
 * `messages.stream()` starts the SDK's own span before it calls `create()`. Running it with tracing
 * suppressed stops that span; the context it was called in is passed down so that Flywheel's span,
 * started in `create()`, still gets the app's parent.
 */
function streamWithoutBuiltInSpans(original: Method): Method {
  return function stream(this: unknown, ...args: unknown[]): unknown {
    if (!hasBuiltInTracing(this)) return original.apply(this, args);
    const active = context.active();
    return context.with(suppressTracing(active).setValue(PARENT_CONTEXT_KEY, active), () =>
      original.apply(this, args),
    );
  };
}

/** Spans for `@anthropic-ai/sdk`: messages, plain and streamed. */
export class FlywheelAnthropicInstrumentation extends FlywheelInstrumentationBase {
  constructor(config: FlywheelInstrumentationConfig = {}) {
    super(`${PACKAGE_NAME}/anthropic`, config);
  }

  protected moduleName(): string {
    return '@anthropic-ai/sdk';
  }

  protected supportedVersions(): string[] {
    return ['>=0.30.0 <3'];
  }

  protected targetsOf(moduleOrClient: unknown): PatchTarget[] {
    const cls = anthropicClass(moduleOrClient);
    const owner =
      cls !== undefined ? prototypeOf(cls.Messages) : prototypeOf((moduleOrClient as Loose)?.messages);
    if (owner === undefined || typeof (owner as Loose)?.create !== 'function') return [];
    const runtime = this.runtime();
    const targets: PatchTarget[] = [
      { owner, method: 'create', wrap: (original) => instrumentMethod(original, messagesAdapter, runtime) },
    ];
    if (typeof (owner as Loose)?.stream === 'function') {
      targets.push({ owner, method: 'stream', wrap: streamWithoutBuiltInSpans });
    }
    return targets;
  }
}
