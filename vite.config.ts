import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { VitePWA } from 'vite-plugin-pwa';
import { selfReportNamespaces, startNamespaces } from './src/app/startNamespaces';
import { startChunks } from './src/build/startChunks';
import { startPreload } from './src/build/startPreload';

const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const entry = source('./src/app/main.tsx');
const coordinatorStart = source('./src/app/startCoordinator.tsx');
const selfReportStart = source('./src/app/startSelfReportPage.ts');
const chunks = startChunks({ entry, app: coordinatorStart, report: selfReportStart });

/**
 * Puts the entry's stylesheet (a few kB) into index.html as a `<style>` element: the first paint
 * then waits for no request besides the document. The file stays in the build (and precache).
 */
function inlineEntryStylesheet(): Plugin {
  return {
    name: 'bruecke:inline-entry-stylesheet',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) =>
        html.replace(
          /<link rel="stylesheet"[^>]*? href="\/(assets\/[^"]+\.css)"[^>]*>/g,
          (tag, file: string) => {
            const asset = ctx.bundle?.[file];
            if (asset?.type !== 'asset' || typeof asset.source !== 'string') return tag;
            return `<style>${asset.source}</style>`;
          },
        ),
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    inlineEntryStylesheet(),
    chunks.plugin,
    startPreload({
      entry,
      app: coordinatorStart,
      selfReport: selfReportStart,
      appNamespaces: startNamespaces,
      selfReportNamespaces,
    }),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Brücke – Koordinierungsstelle Migrantenorganisationen',
        short_name: 'Brücke',
        description:
          'Besuche, Profile und Bedarfe von Migrantenorganisationen erfassen – auch ohne Netz.',
        lang: 'de',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#1f4e79',
        background_color: '#ffffff',
        categories: ['productivity', 'government'],
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every supported browser knows `modulepreload`; the polyfill would watch every DOM change.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Three start chunks (src/build/startChunks.ts): what both start pages need, the
          // coordinator's app, a representative's self-report page. A page then loads a handful
          // of scripts, all requested at once (src/build/startPreload.ts), instead of a dozen
          // small shared ones (each a request, through the service worker when offline); the
          // lazy screens import from them.
          groups: chunks.groups,
        },
      },
    },
  },
});
