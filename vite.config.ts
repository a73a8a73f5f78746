import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { runtimesPlugin } from './scripts/vite-plugin-runtimes.ts';
import { offlinePlugin } from './scripts/pwa.ts';

// The Python runtimes are served as static files (see scripts/ and public/README.md);
// Vite must not try to pre-bundle or transform them.
export default defineConfig({
  plugins: [svelte(), runtimesPlugin(), offlinePlugin()],
  base: './',
  optimizeDeps: { exclude: ['pyodide'] },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/node/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
