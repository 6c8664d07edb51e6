import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { buildMarker } from './scripts/build-marker.ts';

// The API serves dist/ at `/`; every asset is bundled so the dashboard loads nothing from the internet.
export default defineConfig({
  plugins: [react(), buildMarker()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Inlined assets would be data: URLs, which the Content-Security-Policy only allows for images.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `vite` dev server: the API runs on its own port; proxy it so the app stays same-origin.
    proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' },
  },
});
