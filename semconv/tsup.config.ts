import { defineConfig } from 'tsup';

// The published build: ES module and CommonJS side by side, each with its own declarations
// (index.d.ts / index.d.cts), so `import` and `require` both get types that match what they load.
// Inside the workspace nothing uses it: the package's own `exports` point at src/ (see publishConfig).
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  target: 'node20',
  platform: 'node',
  clean: true,
  sourcemap: false,
});
