import type { Plugin } from 'vite';

/**
 * Written into dist/ by every build: whether it is a production build. A development build (NODE_ENV
 * leaked from a test runner or a shell) bundles React's development runtime, a third larger and slower,
 * so `ensureDashboardBuilt` replaces it.
 */
export const BUILD_MARKER = '.flywheel-build.json';

export interface BuildInfo {
  production: boolean;
  mode: string;
}

export function buildMarker(): Plugin {
  let info: BuildInfo = { production: false, mode: '' };
  return {
    name: 'flywheel-build-marker',
    apply: 'build',
    configResolved(config) {
      info = { production: config.isProduction, mode: config.mode };
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BUILD_MARKER, source: `${JSON.stringify(info)}\n` });
    },
  };
}
