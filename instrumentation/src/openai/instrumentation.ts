import { FlywheelInstrumentationBase, prototypeOf } from '../core/base-instrumentation';
import type { PatchTarget } from '../core/base-instrumentation';
import type { OperationAdapter } from '../core/adapter';
import { instrumentMethod } from '../core/instrumented-method';
import type { FlywheelInstrumentationConfig } from '../types';
import { PACKAGE_NAME } from '../version';
import { chatCompletionsAdapter } from './chat';
import { embeddingsAdapter } from './embeddings';
import { responsesAdapter } from './responses';

type Loose = Record<string, unknown> | undefined;

/** Finds the `OpenAI` class in a module namespace, a default export or CommonJS exports. */
function openAIClass(moduleExports: unknown): Loose {
  const m = moduleExports as Loose;
  const candidates = [m, m?.default as Loose, m?.OpenAI as Loose, (m?.default as Loose)?.OpenAI as Loose];
  return candidates.find((c) => typeof (c?.Chat as Loose)?.Completions === 'function');
}

/** Spans for the `openai` SDK: chat completions, the Responses API and embeddings. */
export class FlywheelOpenAIInstrumentation extends FlywheelInstrumentationBase {
  constructor(config: FlywheelInstrumentationConfig = {}) {
    super(`${PACKAGE_NAME}/openai`, config);
  }

  protected moduleName(): string {
    return 'openai';
  }

  protected supportedVersions(): string[] {
    return ['>=4.0.0 <9'];
  }

  protected targetsOf(moduleOrClient: unknown): PatchTarget[] {
    const cls = openAIClass(moduleOrClient);
    if (cls !== undefined) {
      return this.targets([
        [prototypeOf((cls.Chat as Loose)?.Completions), chatCompletionsAdapter],
        [prototypeOf(cls.Responses), responsesAdapter],
        [prototypeOf(cls.Embeddings), embeddingsAdapter],
      ]);
    }
    const client = moduleOrClient as Loose;
    return this.targets([
      [prototypeOf((client?.chat as Loose)?.completions), chatCompletionsAdapter],
      [prototypeOf(client?.responses), responsesAdapter],
      [prototypeOf(client?.embeddings), embeddingsAdapter],
    ]);
  }

  private targets(entries: [object | undefined, OperationAdapter][]): PatchTarget[] {
    const runtime = this.runtime();
    return entries
      .filter((entry): entry is [object, OperationAdapter] => entry[0] !== undefined)
      .filter(([owner]) => typeof (owner as Loose)?.create === 'function')
      .map(([owner, adapter]) => ({
        owner,
        method: 'create',
        wrap: (original) => instrumentMethod(original, adapter, runtime),
      }));
  }
}
