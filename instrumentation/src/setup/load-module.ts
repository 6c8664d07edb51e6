import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Loads the ES module build of an installed package synchronously and returns its namespace:
 * `import.meta.resolve` finds the same file the app's `import` loaded, and `require()` of an ES
 * module (Node ≥ 20.19 / 22.12) returns that module's cached namespace. Undefined when the package
 * is absent or the runtime cannot do it; the caller then falls back to `import()`.
 *
 * A CommonJS loader hook that claims `.mjs` (tsx, ts-node and the like) would compile a second,
 * separate copy of the module instead, whose classes the app never uses; then this declines.
 */
export function loadEsmSync(specifier: string): unknown {
  try {
    const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
    if (typeof resolve !== 'function') return undefined;
    const require = createRequire(import.meta.url);
    if ((require.extensions as Record<string, unknown>)['.mjs'] !== undefined) return undefined;
    const url = resolve(specifier);
    if (!url.startsWith('file:')) return undefined;
    return require(fileURLToPath(url)) as unknown;
  } catch {
    return undefined;
  }
}

/** The asynchronous route; undefined when the package is not installed. */
export async function loadEsm(specifier: string): Promise<unknown> {
  try {
    return (await import(/* @vite-ignore */ specifier)) as unknown;
  } catch {
    return undefined;
  }
}
