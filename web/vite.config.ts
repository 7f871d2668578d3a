import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The explorer is built into web/dist, which the API server serves at /. `vite --config web/vite.config.ts`
// serves it in development and forwards /api to a running `diplograph serve` (DIPLOGRAPH_API, default :8080).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The heavy views (timeline, network, charts) are split into their own chunks and loaded on demand.
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': process.env.DIPLOGRAPH_API ?? 'http://127.0.0.1:8080', '/openapi.json': process.env.DIPLOGRAPH_API ?? 'http://127.0.0.1:8080' },
  },
  logLevel: 'warn',
});
