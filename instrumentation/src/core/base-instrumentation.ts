import { InstrumentationBase, InstrumentationNodeModuleDefinition } from '@opentelemetry/instrumentation';
import { captureContentEnabled } from '../config/settings';
import { safely } from '../internal/safe';
import { PACKAGE_VERSION } from '../version';
import type { FlywheelInstrumentationConfig } from '../types';
import type { InstrumentationRuntime } from './instrumented-method';
import { patchMethod, unpatchMethod } from './patch';

/** One method to wrap: `owner[method]` becomes `wrap(original)`. */
export interface PatchTarget {
  owner: object;
  method: string;
  wrap: (
    original: (this: unknown, ...args: unknown[]) => unknown,
  ) => (this: unknown, ...args: unknown[]) => unknown;
}

/**
 * Shared by the provider instrumentations. Three routes lead to the same patch:
 * - InstrumentationBase's module hooks: `require()` of the CommonJS build, and `import` of the ES
 *   module build when the import-in-the-middle loader hook is registered;
 * - `patchModule(moduleObject)`, for a module the app already imported;
 * - `instrumentClient(client)`, reaching the classes through an instance.
 * Patching works on the resource classes' prototypes, so every client of that build is covered,
 * and the patch is applied at most once per method.
 */
export abstract class FlywheelInstrumentationBase extends InstrumentationBase<FlywheelInstrumentationConfig> {
  // `declare`: InstrumentationBase calls enable() from its constructor, before field initialisers run.
  declare private manualTargets: PatchTarget[] | undefined;

  constructor(scopeName: string, config: FlywheelInstrumentationConfig = {}) {
    super(scopeName, PACKAGE_VERSION, config);
  }

  /** The package name the module hooks listen for. */
  protected abstract moduleName(): string;
  protected abstract supportedVersions(): string[];
  /** The methods to wrap, found from a module object, a class or a client; [] when none. */
  protected abstract targetsOf(moduleOrClient: unknown): PatchTarget[];

  protected init() {
    return [
      new InstrumentationNodeModuleDefinition(
        this.moduleName(),
        this.supportedVersions(),
        (exports: unknown) => {
          safely('patching a module', () => this.apply(this.targetsOf(exports)));
          return exports;
        },
        (exports: unknown) => {
          safely('unpatching a module', () => this.remove(this.targetsOf(exports)));
        },
      ),
    ];
  }

  /** Patches a module object the app already holds (ES module namespace, default export or CommonJS exports). */
  patchModule(moduleExports: unknown): boolean {
    return this.applyManual(this.targetsOf(moduleExports));
  }

  /** Patches the classes behind a client instance; returns the client. */
  instrumentClient<T>(client: T): T {
    this.applyManual(this.targetsOf(client));
    return client;
  }

  override enable(): void {
    super.enable();
    if (this.manualTargets !== undefined) this.apply(this.manualTargets);
  }

  override disable(): void {
    super.disable();
    if (this.manualTargets !== undefined) this.remove(this.manualTargets);
  }

  protected runtime(): InstrumentationRuntime {
    return {
      isEnabled: () => this.isEnabled(),
      tracer: () => this.tracer,
      captureContent: () => this.getConfig().captureContent ?? captureContentEnabled(),
    };
  }

  private applyManual(targets: PatchTarget[]): boolean {
    if (targets.length === 0) return false;
    this.manualTargets = [...(this.manualTargets ?? []), ...targets];
    if (this.isEnabled()) this.apply(targets);
    return true;
  }

  private apply(targets: PatchTarget[]): void {
    for (const target of targets) patchMethod(target.owner, target.method, target.wrap);
  }

  private remove(targets: PatchTarget[]): void {
    for (const target of targets) unpatchMethod(target.owner, target.method);
  }
}

/** The prototype of a resource class, found on a class (`Owner.Resource`) or an instance (`client.resource`). */
export function prototypeOf(value: unknown): object | undefined {
  if (typeof value === 'function') {
    const prototype = (value as { prototype?: unknown }).prototype;
    return typeof prototype === 'object' && prototype !== null ? prototype : undefined;
  }
  if (typeof value === 'object' && value !== null) {
    const prototype: unknown = Object.getPrototypeOf(value);
    return typeof prototype === 'object' && prototype !== null && prototype !== Object.prototype
      ? prototype
      : undefined;
  }
  return undefined;
}
