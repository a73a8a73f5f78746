// The service worker that makes the built app work offline after its first load: it precaches the
// app shell, the sandbox scripts and every Python runtime file the build copies into dist/, so
// the page's own fetches ("fed mode") are answered from Cache Storage with the network off.
// The runtime files are copied by scripts/vite-plugin-runtimes.ts in `writeBundle`; the PWA
// plugin builds its manifest in `closeBundle`, which Rollup runs after every `writeBundle`, so
// the files are on disk when the manifest is globbed (checked below at build time).
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import type { ManifestTransform } from 'workbox-build';

/** Folders (under dist/) whose every file the page may fetch to boot Python. */
export const RUNTIME_DIRS = ['pyodide-0.17', 'pyodide'];

/**
 * Workbox skips larger files with only a warning. The largest runtime file is the 0.17 bundle's
 * scipy.data (~22 MB); vendored official wheels are smaller. 64 MiB leaves room for updates
 * while the build check below turns any skipped runtime file into an error.
 */
const MAX_PRECACHE_FILE_BYTES = 64 * 1024 * 1024;

/** Fails the build when a runtime file in dist/ is missing from the precache manifest. */
function requireRuntimeFiles(getOutDir: () => string): ManifestTransform {
  return (entries) => {
    const outDir = getOutDir();
    const listed = new Set(entries.map((entry) => entry.url));
    const missing = RUNTIME_DIRS.flatMap((dir) => {
      const folder = path.join(outDir, dir);
      if (!existsSync(folder)) return [`${dir}/ (folder missing)`];
      return readdirSync(folder)
        .map((name) => `${dir}/${name}`)
        .filter((url) => !listed.has(url));
    });
    if (missing.length > 0) {
      throw new Error(`runtime files missing from the precache manifest: ${missing.join(', ')}`);
    }
    return { manifest: entries, warnings: [] };
  };
}

/**
 * The PWA plugin. `prompt`, not `autoUpdate`: a new version waits until the person accepts it,
 * because taking over mid-session reloads the page and would cut a running generation short.
 * Registration is done by src/offline/ (injectRegister null) so the UI can show its state. The
 * dev server never gets a service worker (devOptions off), so development never serves stale
 * code; the e2e build (CIT_E2E=1, only the sandbox test page) gets none either.
 */
export function offlinePlugin(): Plugin[] {
  let outDir = '';
  return VitePWA({
    disable: process.env['CIT_E2E'] === '1',
    registerType: 'prompt',
    injectRegister: null,
    devOptions: { enabled: false },
    includeAssets: [],
    manifest: {
      name: 'CIT Studio',
      short_name: 'CIT Studio',
      description:
        'Browser-only, local-first synthesis of chart question-answering datasets (Code-as-Intermediary Translation).',
      display: 'standalone',
      background_color: '#f6f7f9',
      theme_color: '#2f6fdf',
      icons: [{ src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    integration: {
      configureOptions(viteConfig) {
        outDir = path.resolve(viteConfig.root, viteConfig.build.outDir);
      },
    },
    workbox: {
      globPatterns: [
        'index.html',
        'assets/**/*.{js,css,svg,png,woff2}',
        // icons/ comes with the web manifest (includeManifestIcons).
        'sandbox/*.js',
        ...RUNTIME_DIRS.map((dir) => `${dir}/*`),
      ],
      maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
      manifestTransforms: [requireRuntimeFiles(() => outDir)],
      navigateFallback: 'index.html',
      // On first install the page becomes controlled at once; updates still wait (prompt).
      clientsClaim: true,
      cleanupOutdatedCaches: true,
    },
  });
}
