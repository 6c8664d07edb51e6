import { defineConfig } from 'tsup';

// The published build. Inside the workspace nothing uses it: the package's own `exports` point at
// src/, and `publishConfig` swaps in these files when the package is packed. Dependencies and peers
// stay external: the app's single @opentelemetry/api copy must be the one every instrumentation uses.
const common = { target: 'node20', platform: 'node', dts: true } as const;

export default defineConfig([
  {
    // One ES module build for the three entries, split into shared chunks: the `--import` hook and the
    // library must share one copy of the instrumentation instances, settings and withFlywheel scope.
    // The two builds run at once in the same folder, so each cleans only its own files.
    ...common,
    entry: { index: 'src/index.ts', 'browser/index': 'src/browser/index.ts', hook: 'src/hook.ts' },
    format: ['esm'],
    clean: ['**/*.js', '**/*.d.ts'],
  },
  {
    // CommonJS for `require()` apps. No hook here: it registers an ES module loader with
    // import.meta.url and is only ever loaded through `node --import`.
    ...common,
    entry: { index: 'src/index.ts', 'browser/index': 'src/browser/index.ts' },
    format: ['cjs'],
    clean: ['**/*.cjs', '**/*.d.cts'],
  },
]);
